// Signed requests against Bolt's own verifier and a real Bolt app over HTTP, with its Web API
// client pointed at the Slack stand-in: the loop every listener test relies on.
import type { AddressInfo } from 'node:net';
import { App, type Logger, verifySlackRequest } from '@slack/bolt';
import {
  appHomeOpenedEvent,
  blockActionPayload,
  postBlockAction,
  postEvent,
  postSigned,
  postSlashCommand,
  postViewSubmission,
  type SlackStandIn,
  signSlackBody,
  slashCommandBody,
  startSlackStandIn,
  teamJoinEvent,
  viewSubmissionPayload,
} from '../../src/slack-stand-in';
import { quietLogger } from '../support/slack-quiet-logger';

const SECRET = 'test-signing-secret';

describe('Slack stand-in: signSlackBody', () => {
  const verify = (body: string, headers: { [k: string]: string }, nowMilliseconds?: number) =>
    verifySlackRequest({
      signingSecret: SECRET,
      body,
      headers: {
        'x-slack-signature': headers['x-slack-signature'] ?? '',
        'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
      },
      ...(nowMilliseconds === undefined ? {} : { nowMilliseconds }),
    });

  it('makes signatures Bolt accepts', () => {
    const body = slashCommandBody({ text: '650 331 6252' });
    const headers = signSlackBody(body, SECRET);
    expect(headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(() => verify(body, { ...headers })).not.toThrow();
  });

  it('matches Slack’s documented example', () => {
    // From Slack's "Verifying requests from Slack" guide.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = signSlackBody(body, '8f742231b10e8888abcd99yyyzzz85a5', 1531420618);
    expect(headers['x-slack-signature']).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('is refused by Bolt when the body is tampered with, or the request is stale', () => {
    const body = slashCommandBody({ text: 'me' });
    const headers = signSlackBody(body, SECRET);
    expect(() => verify(body.replace('me', 'company'), { ...headers })).toThrow(
      /signature mismatch/,
    );
    const old = signSlackBody(body, SECRET, Math.floor(Date.now() / 1000) - 6 * 60);
    expect(() => verify(body, { ...old })).toThrow(/stale/);
  });
});

describe('Slack stand-in: a Bolt app driven by signed requests', () => {
  let slack: SlackStandIn;
  let app: App;
  let appUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: [{ id: 'U0001', name: 'ana' }] });
    const logger: Logger = quietLogger();
    app = new App({
      signingSecret: SECRET,
      token: 'xoxb-test',
      logger,
      clientOptions: { slackApiUrl: slack.url },
    });
    app.command('/rcnumber', async ({ command, ack, respond }) => {
      await ack();
      seen.push(`command:${command.text}:${command.user_id}:${command.channel_id}`);
      await respond({ text: `you asked for ${command.text}` });
    });
    app.action('show_more', async ({ ack, respond, body, action }) => {
      await ack();
      const value = 'value' in action ? action.value : '';
      seen.push(`action:${body.user.id}:${value}`);
      await respond({ text: `page ${value}`, replace_original: true });
    });
    app.view('lookup', async ({ ack, view }) => {
      const query = view.state.values.query?.text?.value ?? '';
      await ack({ response_action: 'errors', errors: { query: `nothing for ${query}` } });
    });
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });
    app.event('team_join', async ({ event, client }) => {
      await client.chat.postMessage({ channel: event.user.id, text: 'welcome' });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.stop();
    await slack.close();
  });

  it('runs a slash command and its reply reaches the response_url', async () => {
    const url = slack.responseUrl('cmd');
    const reply = await postSlashCommand(appUrl, SECRET, { text: 'ext 101', response_url: url });
    expect(reply.status).toBe(200);
    expect((await slack.waitForResponse('cmd')).body).toEqual({ text: 'you asked for ext 101' });
    expect(seen).toContain('command:ext 101:U0001:C0001');
    // Bolt learns who the bot is from auth.test, with the bot token, before it runs a listener.
    expect(slack.callsTo('auth.test')[0]?.token).toBe('xoxb-test');
  });

  it('answers 401 to bad or stale signatures and runs nothing', async () => {
    const before = seen.length;
    const body = slashCommandBody({ text: 'me' });
    const form = 'application/x-www-form-urlencoded';
    expect((await postSigned(appUrl, SECRET, body, form, { signature: 'v0=00' })).status).toBe(401);
    expect((await postSigned(appUrl, 'wrong-secret', body, form)).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await postSigned(appUrl, SECRET, body, form, { timestampSec: stale })).status).toBe(
      401,
    );
    expect(seen).toHaveLength(before);
  });

  it('routes a button click by action_id', async () => {
    const url = slack.responseUrl('click');
    const payload = blockActionPayload({
      userId: 'U0001',
      teamId: 'T0001',
      actionId: 'show_more',
      value: '2',
      responseUrl: url,
    });
    expect((await postBlockAction(appUrl, SECRET, payload)).status).toBe(200);
    expect((await slack.waitForResponse('click')).body).toMatchObject({ text: 'page 2' });
  });

  it('routes a modal submission by callback_id and returns its ack', async () => {
    const payload = viewSubmissionPayload({
      userId: 'U0001',
      teamId: 'T0001',
      callbackId: 'lookup',
      values: { query: { text: 'ana' } },
    });
    const reply = await postViewSubmission(appUrl, SECRET, payload);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      response_action: 'errors',
      errors: { query: 'nothing for ana' },
    });
  });

  it('delivers events in an event_callback envelope', async () => {
    expect((await postEvent(appUrl, SECRET, appHomeOpenedEvent({ userId: 'U0001' }))).status).toBe(
      200,
    );
    await slack.waitFor('views.publish', (args) => args.user_id === 'U0001');
    expect(slack.homeView('U0001')?.type).toBe('home');
    slack.addUser({ id: 'U0009', name: 'newcomer' });
    await postEvent(appUrl, SECRET, teamJoinEvent({ id: 'U0009', email: 'new@example.com' }));
    const welcome = await slack.waitFor('chat.postMessage', (args) => args.channel === 'U0009');
    expect(welcome.response).toMatchObject({ ok: true, channel: expect.stringMatching(/^D/) });
  });
});
