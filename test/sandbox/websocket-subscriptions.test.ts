/**
 * The sandbox's WebSocket gateway, driven by RingCentral's own client (@ringcentral/sdk with
 * @ringcentral/subscriptions) as a real app would: a WebSocket token for a valid bearer token
 * only, a subscription made over the socket, each event pushed only to the sessions allowed to
 * hear it, a regular user refused another extension's events, and a dropped session recovered
 * with the events it missed.
 */
import { randomUUID } from 'node:crypto';
import { SDK } from '@ringcentral/sdk';
import { Subscriptions } from '@ringcentral/subscriptions';
import WebSocket from 'ws';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { eventually } from '../support/wait';
import { apiPost, signIn, sleep } from './helpers';

const LIST = '/restapi/v1.0/account/~/extension';
const OWN = '/restapi/v1.0/account/~/extension/~';
const JOHN = '159048008';
const BEN_NUMBER = '+16503316253';

interface Listener {
  events: Array<Record<string, unknown>>;
  subscriptionId: string;
  revoke(): Promise<void>;
}

/** One person's real client: signs in, subscribes over WebSocket, collects notifications. */
async function listen(sb: Sandbox, who: string, filters = [LIST, OWN]): Promise<Listener> {
  const token = await signIn(sb, who);
  const sdk = new SDK({
    server: sb.url,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
    cachePrefix: `ws-test-${randomUUID()}-`,
  });
  await sdk
    .platform()
    .auth()
    .setData({ ...token, token_type: 'bearer' } as never);
  const subscriptions = new Subscriptions({ sdk });
  const subscription = subscriptions.createSubscription();
  const events: Array<Record<string, unknown>> = [];
  subscription.on(subscription.events.notification, (event) => events.push(event));
  const made = await subscription.setEventFilters(filters).register();
  return {
    events,
    subscriptionId: made.subscriptionInfo?.id ?? '',
    // The extension itself (the subscription types it by a narrower interface).
    revoke: () => (made.wse as unknown as { revoke(): Promise<void> }).revoke(),
  };
}

describe('sandbox WebSocket subscriptions', () => {
  let sb: Sandbox;
  const open: Listener[] = [];

  beforeEach(async () => {
    sb = await startSandbox({ rateLimits: false });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((listener) => listener.revoke().catch(() => undefined)));
    await sb.close();
  });

  it('pushes a reassignment to each subscribed session, as a WebSocket subscription', async () => {
    const ana = await listen(sb, 'ana.ruiz@example.com');
    const john = await listen(sb, 'john.smith@example.com');
    open.push(ana, john);
    expect(sb.subscriptions.get(ana.subscriptionId)).toMatchObject({
      transportType: 'WebSocket',
      eventFilters: [LIST, OWN],
    });
    expect(sb.openEventSockets()).toBe(2);
    expect(await sb.reassignNumber(BEN_NUMBER, '107')).toBeGreaterThanOrEqual(2);
    await eventually(() => ana.events.length > 0 && john.events.length > 0, 10_000);
    // Each session hears its own subscription only, with the webhook's payload.
    expect(ana.events.every((e) => e.subscriptionId === ana.subscriptionId)).toBe(true);
    expect(john.events.every((e) => e.subscriptionId === john.subscriptionId)).toBe(true);
    expect(ana.events[0]).toMatchObject({
      event: `/restapi/v1.0/account/${sb.company.accountId}/extension`,
      body: { eventType: 'Update' },
    });
  });

  it('answers ClientRequests in kind, and refuses a regular user another extension’s events', async () => {
    const { access_token } = await signIn(sb, 'ana.ruiz@example.com');
    const granted = await apiPost(sb, access_token, '/restapi/oauth/wstoken', '');
    const ws = new WebSocket(`${granted.body.uri}?access_token=${granted.body.ws_access_token}`);
    const messages: unknown[][] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await eventually(() => messages.length > 0, 10_000);
    expect(messages[0]?.[0]).toMatchObject({ type: 'ConnectionDetails', status: 200 });
    expect(messages[0]?.[1]).toMatchObject({ recoveryTimeout: 180 });
    const ask = (messageId: string, filters: string[]) =>
      ws.send(
        JSON.stringify([
          { type: 'ClientRequest', messageId, method: 'POST', path: '/restapi/v1.0/subscription' },
          { eventFilters: filters, deliveryMode: { transportType: 'WebSocket' } },
        ]),
      );
    ask('theirs', [`${LIST}/${JOHN}`]);
    ask('mine', [OWN]);
    await eventually(() => messages.length >= 3, 10_000);
    const reply = (id: string) =>
      messages.find((m) => (m[0] as { messageId?: string }).messageId === id);
    expect(reply('theirs')?.[0]).toMatchObject({ type: 'ClientRequest', status: 400 });
    expect(reply('mine')?.[0]).toMatchObject({ type: 'ClientRequest', status: 200 });
    expect(reply('mine')?.[1]).toMatchObject({ deliveryMode: { transportType: 'WebSocket' } });
    ws.terminate();
  });

  it('stops pushing to a revoked subscription and closes its socket', async () => {
    const ana = await listen(sb, 'ana.ruiz@example.com');
    await ana.revoke();
    expect(sb.subscriptions.has(ana.subscriptionId)).toBe(false);
    await sleep(100);
    expect(sb.openEventSockets()).toBe(0);
    await sb.reassignNumber(BEN_NUMBER, '107');
    await sleep(200);
    expect(ana.events).toHaveLength(0);
  });

  it('gives WebSocket tokens only for a valid bearer token and an app allowed WebSockets', async () => {
    const wstoken = (headers: Record<string, string>) =>
      fetch(`${sb.url}/restapi/oauth/wstoken`, { method: 'POST', headers });
    expect((await wstoken({})).status).toBe(401);
    expect((await wstoken({ authorization: 'Bearer forged' })).status).toBe(401);
    const { access_token } = await signIn(sb, 'ana.ruiz@example.com');
    const granted = await apiPost(sb, access_token, '/restapi/oauth/wstoken', '');
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      uri: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/ws$/),
    });
    expect(granted.body.expires_in).toBeGreaterThan(0);
    // The gateway opens only for a token it issued.
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${granted.body.uri}?access_token=guessed`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(refused).toBe(401);
    sb.setAppPermissions(['ReadAccounts']);
    const noPermission = await apiPost(sb, access_token, '/restapi/oauth/wstoken', '');
    expect(noPermission.status).toBe(403);
    expect(noPermission.body).toMatchObject({ errorCode: 'CMN-401' });
  });

  it('recovers a dropped session with its subscription and the events it missed', async () => {
    const ana = await listen(sb, 'ana.ruiz@example.com');
    open.push(ana);
    expect(sb.dropEventSockets('104')).toBe(1);
    // Sent while the socket is down: kept for the session, delivered when it comes back.
    await sb.reassignNumber(BEN_NUMBER, '107');
    await eventually(() => ana.events.length > 0, 10_000);
    expect(sb.openEventSockets('104')).toBe(1);
    expect(sb.subscriptions.has(ana.subscriptionId)).toBe(true);
    await sb.reassignNumber(BEN_NUMBER, '105');
    await eventually(() => ana.events.length > 1, 10_000);
  });
});
