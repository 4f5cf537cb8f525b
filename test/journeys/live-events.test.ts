// Caches kept fresh by RingCentral's own events: each linked member gets a webhook subscription
// made with their own token; when a number moves, RingCentral's event makes exactly that
// member's cached answers go, so the next answer is right at once. Forged calls change nothing;
// lost subscriptions are made again, old ones renewed, and unlinking removes them.
import fs from 'node:fs';
import http from 'node:http';
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';

const BEN_NUMBER = '+16503316253';

describe('answers kept fresh by RingCentral events', () => {
  let h: Harness;
  const { john, ana, ben } = PEOPLE;

  beforeAll(async () => {
    h = await startHarness({
      env: { RC_EVENTS: 'webhook' },
      deps: { events: { checkEveryMs: 0 } },
    });
    await h.link(john.id, john.email);
    await h.link(ana.id, ana.email);
    await h.app.runUpkeep();
  });
  afterAll(async () => {
    await h.close();
  });

  const subscriptionOf = (extensionId: string) =>
    [...h.sandbox.subscriptions.values()].find(
      (s) => s.extensionId === extensionId && s.status === 'Active',
    );
  const ANA_EXT = '435068008';
  const JOHN_EXT = '159048008';

  it('subscribes each linked member with their own token, keeping only a hash of the secret', async () => {
    const mine = subscriptionOf(ANA_EXT);
    expect(mine).toMatchObject({
      address: `${h.appUrl}/ringcentral/events`,
      eventFilters: ['/restapi/v1.0/account/~/extension', '/restapi/v1.0/account/~/extension/~'],
    });
    expect(subscriptionOf(JOHN_EXT)).toBeDefined();
    const row = await h.store.subscriptions.get({ teamId: 'T0001', userId: ana.id });
    expect(row?.subscriptionId).toBe(mine?.id);
    const token = mine?.verificationToken ?? '';
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(row?.tokenHash).not.toContain(token);
    const bytes = fs.readFileSync(h.databasePath);
    expect(bytes.includes(token)).toBe(false);
    // A second round makes nothing new.
    const before = h.sandbox.subscriptions.size;
    await h.app.runUpkeep();
    expect(h.sandbox.subscriptions.size).toBe(before);
  });

  it('a reassigned number reaches the next answer within a second, for the subscribed members only', async () => {
    // Ben links after the upkeep round: no subscription, so his cache ages as before.
    await h.link(ben.id, ben.email);
    for (const who of [ana, john, ben]) {
      expect(shown(await h.command(who.id, BEN_NUMBER))).toContain('Ben Okafor');
    }
    const received = h.app.services.counters.value('cache_invalidations');
    const moved = Date.now();
    const delivered = await h.sandbox.reassignNumber(BEN_NUMBER, '107');
    expect(delivered).toBeGreaterThanOrEqual(2);
    const anaNow = shown(await h.command(ana.id, BEN_NUMBER));
    const johnNow = shown(await h.command(john.id, BEN_NUMBER));
    const elapsed = Date.now() - moved;
    expect(anaNow).toContain('Dev Patel');
    expect(anaNow).not.toContain('Ben Okafor');
    expect(johnNow).toContain('Dev Patel');
    expect(elapsed).toBeLessThan(1000);
    expect(h.app.services.counters.value('cache_invalidations')).toBeGreaterThan(received);
    // Without an event, the cached answer stands until it ages: this is what the events fix.
    expect(shown(await h.command(ben.id, BEN_NUMBER))).toContain('Ben Okafor');
    await h.sandbox.reassignNumber(BEN_NUMBER, '105');
  });

  it('refuses a forged webhook call, and it changes nothing', async () => {
    await h.command(ana.id, BEN_NUMBER);
    // A cold answer came from one search; her directory is read behind it.
    await h.app.services.background.idle();
    const requests = h.sandbox.requests.length;
    const subscriptionId = subscriptionOf(ANA_EXT)?.id ?? '';
    const event = JSON.stringify({
      uuid: 'x',
      event: '/restapi/v1.0/account/159048008/extension',
      subscriptionId,
      body: { extensionId: ANA_EXT, eventType: 'Update' },
    });
    const post = (headers: Record<string, string>, body = event) =>
      fetch(`${h.appUrl}/ringcentral/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'verification-token': 'guessed' })).status).toBe(401);
    const unknown = JSON.stringify({ ...JSON.parse(event), subscriptionId: 'not-ours' });
    // Answered like a wrong token: nothing tells a caller which subscription ids exist.
    expect((await post({ 'verification-token': 'guessed' }, unknown)).status).toBe(401);
    expect((await post({}, 'not json')).status).toBe(400);
    // Ana's cache is still warm: her next answer needs no request to RingCentral.
    expect(shown(await h.command(ana.id, BEN_NUMBER))).toContain('Ben Okafor');
    expect(h.sandbox.requests.length).toBe(requests);
    expect(h.logs.join('')).toContain('RingCentral event with a wrong verification token refused');
    // RingCentral's validation handshake is answered, and changes nothing either.
    const handshake = await post({ 'validation-token': 'c0ffee-1234' }, '');
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('validation-token')).toBe('c0ffee-1234');
  });

  it('refuses an endless body at once, without waiting for its end', async () => {
    const url = new URL(`${h.appUrl}/ringcentral/events`);
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // 70 KB, more than any event, and the body never ends.
      req.write(Buffer.alloc(70 * 1024, 'x'));
      setTimeout(() => req.destroy(), 5_000).unref();
    });
    expect(status).toBe(413);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('makes a blacklisted or dropped subscription again', async () => {
    const first = subscriptionOf(ANA_EXT)?.id ?? '';
    h.sandbox.blacklistSubscription(first);
    await h.app.runUpkeep();
    const second = subscriptionOf(ANA_EXT)?.id ?? '';
    expect(second).not.toBe(first);
    expect(h.sandbox.subscriptions.has(first)).toBe(false);
    h.sandbox.dropSubscription(second);
    await h.app.runUpkeep();
    const third = subscriptionOf(ANA_EXT);
    expect(third?.id).not.toBe(second);
    expect(
      (await h.store.subscriptions.get({ teamId: 'T0001', userId: ana.id }))?.subscriptionId,
    ).toBe(third?.id);
    // The new one works: the next move reaches Ana at once.
    await h.command(ana.id, BEN_NUMBER);
    await h.sandbox.reassignNumber(BEN_NUMBER, '107');
    expect(shown(await h.command(ana.id, BEN_NUMBER))).toContain('Dev Patel');
    await h.sandbox.reassignNumber(BEN_NUMBER, '105');
  });

  it('removes the subscription at RingCentral when the member unlinks', async () => {
    const mine = subscriptionOf(ANA_EXT)?.id ?? '';
    await h.command(ana.id, 'unlink');
    expect(h.sandbox.subscriptions.has(mine)).toBe(false);
    expect(await h.store.subscriptions.get({ teamId: 'T0001', userId: ana.id })).toBeNull();
  });
});

describe('subscription renewal', () => {
  it('renews a subscription before it expires', async () => {
    const h = await startHarness({
      env: { RC_EVENTS: 'webhook' },
      deps: { events: { checkEveryMs: 0 } },
      sandbox: { subscriptions: { maxTtlSec: 3 } },
    });
    try {
      await h.link(PEOPLE.john.id, PEOPLE.john.email);
      await h.app.runUpkeep();
      const [subscription] = [...h.sandbox.subscriptions.values()];
      const firstExpiry = subscription?.expiresAt ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await h.app.runUpkeep();
      const puts = h.sandbox.requests.filter((r) => r.method === 'PUT' && r.status === 200);
      expect(puts).toHaveLength(1);
      expect(h.sandbox.subscriptions.get(subscription?.id ?? '')?.expiresAt).toBeGreaterThan(
        firstExpiry,
      );
    } finally {
      await h.close();
    }
  });
});
