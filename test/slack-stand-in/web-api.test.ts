// The Slack stand-in, driven by the real @slack/web-api client the app uses, so its answers are
// known to be ones that client understands.
import { webApi } from '@slack/bolt';
import { type SlackStandIn, startSlackStandIn } from '../../src/slack-stand-in';
import { quietLogger } from '../support/slack-quiet-logger';

const TOKEN = 'xoxb-test-token';
let slack: SlackStandIn;
let client: webApi.WebClient;
const logged: string[] = [];

beforeAll(async () => {
  slack = await startSlackStandIn({
    botToken: TOKEN,
    users: [
      { id: 'U0001', name: 'ana', real_name: 'Ana Lima', email: 'ana@example.com' },
      { id: 'U0002', name: 'bo', email: 'Bo@Example.com' },
      { id: 'U0003', name: 'gone', email: 'gone@example.com', deleted: true },
      { id: 'U0004', name: 'guest', is_restricted: true },
    ],
    channels: [
      { id: 'C0OUT', name: 'outside', is_member: false },
      { id: 'G0SECRET', name: 'secret', is_member: false },
      { id: 'G0TEAM', name: 'team', members: ['U0001', 'U0004'] },
    ],
  });
  client = new webApi.WebClient(TOKEN, {
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

describe('Slack stand-in: auth and dispatch', () => {
  it('answers auth.test for the bot and records the bearer token', async () => {
    const answer = await client.auth.test();
    expect(answer).toMatchObject({ ok: true, team_id: 'T0001', user_id: 'U0BOT', bot_id: 'B0BOT' });
    expect(answer.url).toMatch(/^https:\/\/.+\.slack\.com\/$/);
    expect(slack.callsTo('auth.test')).toEqual([
      expect.objectContaining({ method: 'auth.test', token: TOKEN, ok: true, status: 200 }),
    ]);
  });

  it('refuses a wrong token and an unknown method like Slack', async () => {
    const stranger = new webApi.WebClient('xoxb-other', { slackApiUrl: slack.url });
    expect(await errorOf(stranger.auth.test())).toBe('invalid_auth');
    expect(await errorOf(client.apiCall('chat.teleport'))).toBe('unknown_method');
  });

  it('reads JSON bodies as well as forms', async () => {
    const response = await fetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0001', text: 'hi', blocks: [{ type: 'divider' }] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C0001' });
    expect(slack.calls[0]?.args).toEqual({
      channel: 'C0001',
      text: 'hi',
      blocks: [{ type: 'divider' }],
    });
  });
});

describe('Slack stand-in: chat', () => {
  it('posts to a channel the bot is in, with the blocks decoded from the form', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const answer = await client.chat.postMessage({ channel: 'C0001', text: 'hi', blocks });
    expect(answer).toMatchObject({ ok: true, channel: 'C0001', message: { text: 'hi', blocks } });
    expect(answer.ts).toMatch(/^\d{10}\.\d{6}$/);
    const call = await slack.waitFor('chat.postMessage');
    expect(call.args.blocks).toEqual(blocks);
  });

  it('answers not_in_channel, channel_not_found and no_text where Slack would', async () => {
    expect(await errorOf(client.chat.postMessage({ channel: 'C0OUT', text: 'x' }))).toBe(
      'not_in_channel',
    );
    expect(await errorOf(client.chat.postMessage({ channel: 'G0SECRET', text: 'x' }))).toBe(
      'channel_not_found',
    );
    expect(await errorOf(client.chat.postMessage({ channel: 'C9NONE', text: 'x' }))).toBe(
      'channel_not_found',
    );
    expect(await errorOf(client.apiCall('chat.postMessage', { channel: 'C0001' }))).toBe('no_text');
  });

  it('refuses blocks that break Block Kit limits', async () => {
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    expect(
      await errorOf(client.chat.postMessage({ channel: 'C0001', text: 'x', blocks: many })),
    ).toBe('invalid_blocks');
    const long = [
      { type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'x'.repeat(3001) } },
    ];
    expect(
      await errorOf(client.chat.postMessage({ channel: 'C0001', text: 'x', blocks: long })),
    ).toBe('invalid_blocks');
    // Slack explains the error in response_metadata.messages, which the client logs.
    expect(logged).toEqual([
      expect.stringContaining('no more than 50 items'),
      expect.stringContaining('/blocks/0/text must be at most 3000 characters'),
    ]);
  });

  it('posts to a user id through the DM with that user', async () => {
    const answer = await client.chat.postMessage({ channel: 'U0002', text: 'link?' });
    const im = await client.conversations.open({ users: 'U0002' });
    expect(answer.channel).toBe(im.channel?.id);
    expect(answer.channel).toMatch(/^D/);
  });

  it('posts ephemeral messages only to members of the channel', async () => {
    const answer = await client.chat.postEphemeral({ channel: 'C0001', user: 'U0001', text: 'x' });
    expect(answer.message_ts).toMatch(/^\d+\.\d+$/);
    expect(
      await errorOf(client.chat.postEphemeral({ channel: 'C0001', user: 'U0004', text: 'x' })),
    ).toBe('user_not_in_channel');
    expect(
      await errorOf(client.chat.postEphemeral({ channel: 'C0OUT', user: 'U0001', text: 'x' })),
    ).toBe('not_in_channel');
  });

  it('updates the bot’s own messages', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0001', text: 'loading' });
    const updated = await client.chat.update({
      channel: 'C0001',
      ts: posted.ts ?? '',
      text: 'done',
    });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'done' });
    expect(await errorOf(client.chat.update({ channel: 'C0001', ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
  });
});

describe('Slack stand-in: conversations and users', () => {
  it('opens one DM per user and describes it', async () => {
    const first = await client.conversations.open({ users: 'U0001' });
    const again = await client.conversations.open({ users: 'U0001' });
    expect(again.channel?.id).toBe(first.channel?.id);
    const info = await client.conversations.info({ channel: first.channel?.id ?? '' });
    expect(info.channel).toMatchObject({ is_im: true, user: 'U0001' });
    expect(await errorOf(client.conversations.open({ users: 'U9NONE' }))).toBe('user_not_found');
    expect(await errorOf(client.conversations.open({ users: 'U0003' }))).toBe('user_disabled');
  });

  it('describes channels, hiding private ones the bot is not in', async () => {
    const info = await client.conversations.info({ channel: 'G0TEAM' });
    expect(info.channel).toMatchObject({
      id: 'G0TEAM',
      name: 'team',
      is_private: true,
      is_member: true,
    });
    const outside = await client.conversations.info({ channel: 'C0OUT' });
    expect(outside.channel).toMatchObject({ is_member: false, is_channel: true });
    expect(await errorOf(client.conversations.info({ channel: 'G0SECRET' }))).toBe(
      'channel_not_found',
    );
  });

  it('marks a channel shared with other organisations when asked to', async () => {
    slack.addChannel({ id: 'C0PARTNER', name: 'partners', is_ext_shared: true });
    const shared = await client.conversations.info({ channel: 'C0PARTNER' });
    expect(shared.channel).toMatchObject({ is_ext_shared: true, is_shared: true });
    const own = await client.conversations.info({ channel: 'G0TEAM' });
    expect(own.channel).toMatchObject({ is_ext_shared: false, is_shared: false });
  });

  it('pages channel members with limit and next_cursor, the bot included', async () => {
    const pages: string[][] = [];
    for await (const page of client.paginate('conversations.members', {
      channel: 'C0001',
      limit: 2,
    })) {
      pages.push((page as { members?: string[] }).members ?? []);
    }
    // #general holds every full member: the bot, U0001, U0002 (not the deactivated or the guest).
    expect(pages).toEqual([['U0BOT', 'U0001'], ['U0002']]);
    const calls = slack.callsTo('conversations.members');
    expect(calls.map((call) => call.args.limit)).toEqual(['2', '2']);
    expect(calls[0]?.response).toMatchObject({
      response_metadata: { next_cursor: expect.any(String) },
    });
    expect(
      await errorOf(client.conversations.members({ channel: 'C0001', cursor: 'bm9wZQ==' })),
    ).toBe('invalid_cursor');
  });

  it('answers users.info and users.lookupByEmail like Slack', async () => {
    const ana = await client.users.info({ user: 'U0001' });
    expect(ana.user).toMatchObject({
      id: 'U0001',
      team_id: 'T0001',
      real_name: 'Ana Lima',
      is_bot: false,
      profile: { email: 'ana@example.com' },
    });
    const guest = await client.users.info({ user: 'U0004' });
    expect(guest.user?.is_restricted).toBe(true);
    expect(await errorOf(client.users.info({ user: 'U9NONE' }))).toBe('user_not_found');
    const bo = await client.users.lookupByEmail({ email: 'bo@example.com' });
    expect(bo.user?.id).toBe('U0002');
    expect(await errorOf(client.users.lookupByEmail({ email: 'gone@example.com' }))).toBe(
      'users_not_found',
    );
  });

  it('takes users added later', async () => {
    slack.addUser({ id: 'U0005', name: 'cy', email: 'cy@example.com' });
    expect((await client.users.lookupByEmail({ email: 'cy@example.com' })).user?.name).toBe('cy');
    expect(slack.channels.get('C0001')?.members).toContain('U0005');
  });
});
