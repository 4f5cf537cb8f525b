// Views, injected failures, rate limits and waiting on calls in the Slack stand-in, through the
// real @slack/web-api client.
import { webApi } from '@slack/bolt';
import { newTriggerId, type SlackStandIn, startSlackStandIn } from '../../src/slack-stand-in';
import { quietLogger } from '../support/slack-quiet-logger';

let slack: SlackStandIn;
let client: webApi.WebClient;
const logged: string[] = [];

const modal = (text: string) => ({
  type: 'modal' as const,
  callback_id: 'lookup',
  title: { type: 'plain_text' as const, text: 'rcnumber' },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }],
});

beforeAll(async () => {
  slack = await startSlackStandIn({ users: [{ id: 'U0001', name: 'ana' }] });
  client = new webApi.WebClient('xoxb-test', {
    slackApiUrl: slack.url,
    logger: quietLogger(logged),
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 },
  });
});

afterAll(() => slack.close());
beforeEach(() => {
  slack.reset();
  logged.length = 0;
});

const errorOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'no error',
    (error: { data?: { error?: string } }) => error.data?.error,
  );

describe('Slack stand-in: views', () => {
  it('opens a modal, then updates it with the hash and refuses a stale hash', async () => {
    const opened = await client.views.open({ trigger_id: newTriggerId(), view: modal('Loading…') });
    const view = opened.view;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'lookup', root_view_id: view?.id });
    expect(view?.id).toMatch(/^V[0-9A-Z]+$/);
    const id = view?.id ?? '';
    const updated = await client.views.update({
      view_id: id,
      hash: view?.hash,
      view: modal('Done'),
    });
    expect(updated.view?.id).toBe(id);
    expect(updated.view?.hash).not.toBe(view?.hash);
    expect(slack.views.get(id)?.blocks).toEqual(modal('Done').blocks);
    expect(
      await errorOf(client.views.update({ view_id: id, hash: view?.hash, view: modal('Late') })),
    ).toBe('hash_conflict');
    expect(await errorOf(client.views.update({ view_id: 'V0NONE', view: modal('x') }))).toBe(
      'not_found',
    );
  });

  it('uses a trigger_id once, and checks the view', async () => {
    const trigger = newTriggerId();
    await client.views.open({ trigger_id: trigger, view: modal('one') });
    expect(await errorOf(client.views.push({ trigger_id: trigger, view: modal('two') }))).toBe(
      'exchanged_trigger_id',
    );
    const pushed = await client.views.push({ trigger_id: newTriggerId(), view: modal('two') });
    expect(pushed.view?.type).toBe('modal');
    const untitled = { type: 'modal' as const, blocks: [] } as unknown as ReturnType<typeof modal>;
    expect(await errorOf(client.views.open({ trigger_id: newTriggerId(), view: untitled }))).toBe(
      'invalid_arguments',
    );
  });

  it('publishes one Home tab per user', async () => {
    const home = { type: 'home' as const, blocks: [{ type: 'divider' as const }] };
    const first = await client.views.publish({ user_id: 'U0001', view: home });
    const second = await client.views.publish({
      user_id: 'U0001',
      view: home,
      hash: first.view?.hash,
    });
    expect(second.view?.id).toBe(first.view?.id);
    expect(slack.homeView('U0001')?.hash).toBe(second.view?.hash);
    expect(
      await errorOf(client.views.publish({ user_id: 'U0001', view: home, hash: first.view?.hash })),
    ).toBe('hash_conflict');
    expect(await errorOf(client.views.publish({ user_id: 'U9NONE', view: home }))).toBe(
      'user_not_found',
    );
  });
});

describe('Slack stand-in: faults', () => {
  it('fails the next calls to a method with the given error, then recovers', async () => {
    slack.failNext('users.info', 'ratelimited', 2);
    expect(await errorOf(client.users.info({ user: 'U0001' }))).toBe('ratelimited');
    expect(await errorOf(client.users.info({ user: 'U0001' }))).toBe('ratelimited');
    expect((await client.users.info({ user: 'U0001' })).ok).toBe(true);
    expect(slack.callsTo('users.info').map((call) => call.error)).toEqual([
      'ratelimited',
      'ratelimited',
      undefined,
    ]);
  });

  it('answers 429 with Retry-After, which the client waits out and retries', async () => {
    slack.rateLimitNext('chat.postMessage', 1, 1);
    const started = Date.now();
    const answer = await client.chat.postMessage({ channel: 'C0001', text: 'hello' });
    expect(answer.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(slack.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
  });

  it('lets a client that rejects rate-limited calls see the retry delay', async () => {
    const impatient = new webApi.WebClient('xoxb-test', {
      slackApiUrl: slack.url,
      rejectRateLimitedCalls: true,
      logLevel: webApi.LogLevel.ERROR,
    });
    slack.rateLimitNext('views.publish', 1, 7);
    const error = await impatient.views
      .publish({ user_id: 'U0001', view: { type: 'home', blocks: [] } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 7 });
  });
});

describe('Slack stand-in: waiting on calls', () => {
  it('resolves on a past call or a future one, by predicate', async () => {
    await client.chat.postMessage({ channel: 'C0001', text: 'first' });
    const past = await slack.waitFor('chat.postMessage');
    expect(past.args.text).toBe('first');
    const future = slack.waitFor('chat.postMessage', (args) => args.text === 'second');
    await client.chat.postMessage({ channel: 'C0001', text: 'second' });
    expect((await future).args.text).toBe('second');
  });

  it('rejects after the timeout, naming what did arrive', async () => {
    await client.auth.test();
    await expect(slack.waitFor('views.open', undefined, 50)).rejects.toThrow(
      /views\.open.*auth\.test/,
    );
  });

  it('forgets calls on reset but keeps the same array', async () => {
    const { calls } = slack;
    await client.auth.test();
    expect(calls).toHaveLength(1);
    slack.reset();
    expect(calls).toHaveLength(0);
    expect(slack.calls).toBe(calls);
  });
});
