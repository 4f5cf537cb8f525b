/**
 * Every way Slack can refuse the app, injected by the Slack stand-in, through the real app: the
 * member still gets the answer another way where one exists (a DM when the response_url is
 * gone, a fresh message when a modal update fails), each failure is logged once with Slack's
 * error code, and nothing is left unhandled. Slack calls time out here after 300 ms.
 */

import { blockActionPayload, postBlockAction, postSlashCommand } from '../../src/slack-stand-in';
import { buttonValue } from '../support/buttons';
import {
  type Harness,
  isProgress,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const ANA_NUMBER = '+1 650 331 6252';

describe('Slack faults, answered another way', () => {
  let h: Harness;
  let sequence = 0;
  beforeAll(async () => {
    h = await startHarness({ deps: { slack: { timeoutMs: 300, retries: 1, retryPauseMs: 50 } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
    h.slack.addChannel({ id: 'CITOPS', name: 'it-ops', members: [PEOPLE.ana.id] });
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect(h.logs.filter((line) => line.includes('unhandled listener error'))).toEqual([]);
  });

  /** Log lines that name this Slack error code. */
  const logged = (code: string) => h.logs.filter((line) => line.includes(`"code":"${code}"`));

  /** `/rcnumber <text>` as Ana, its response_url refused as the test set up. */
  async function commandTo(text: string, responseId = `fault-${++sequence}`) {
    const sent = await postSlashCommand(h.appUrl, SIGNING_SECRET, {
      text,
      user_id: PEOPLE.ana.id,
      team_id: TEAM_ID,
      channel_id: 'C0001',
      response_url: h.slack.responseUrl(responseId),
    });
    expect(sent.status).toBe(200);
    return responseId;
  }

  /** Calls before this index happened in earlier tests. */
  let mark = 0;
  beforeEach(() => {
    mark = h.slack.calls.length;
  });
  const fresh = (call: (typeof h.slack.calls)[number]) => h.slack.calls.indexOf(call) >= mark;

  /** The DM to Ana, sent during this test, that holds `needle`. */
  const dmWith = (needle: string) =>
    h.slack.waitFor(
      'chat.postMessage',
      (args, call) =>
        fresh(call) &&
        call.ok &&
        args.channel === PEOPLE.ana.id &&
        JSON.stringify(args).includes(needle),
    );

  it.each([
    [404, 'expired_url'],
    [410, 'gone'],
  ])('a response_url answering %i: the answer comes by DM, logged once', async (status, code) => {
    const before = logged(code).length;
    const id = `gone-${status}`;
    h.slack.failResponseUrl(id, { status }, 5);
    await commandTo('ext 104', id);
    const dm = await dmWith('Ana Ruiz');
    expect(JSON.stringify(dm.args.blocks)).toContain('104');
    expect(logged(code).length - before).toBe(1);
    expect(h.slack.responses(id)).toHaveLength(0);
  });

  it('a response_url answering 500 once: tried again, answered in place', async () => {
    const id = 'flaky-500';
    h.slack.failResponseUrl(id, { status: 500 });
    await commandTo('ext 104', id);
    const reply = await h.slack.waitForResponse(id, (body) => !isProgress(body));
    expect(shown(reply.body)).toContain('Ana Ruiz');
  });

  it('a response_url answering 500 twice, or hanging: the answer comes by DM', async () => {
    h.slack.failResponseUrl('down-500', { status: 500 }, 2);
    await commandTo('numbers', 'down-500');
    await dmWith(ANA_NUMBER);
    expect(logged('internal_error').length).toBeGreaterThanOrEqual(1);
    h.slack.failResponseUrl('hangs', 'hang', 2);
    await commandTo('forwarding', 'hangs');
    await dmWith('+1 650 555 0123');
    expect(logged('timeout').length).toBeGreaterThanOrEqual(1);
  });

  it('ratelimited 429s from the Web API: waited out, then the DM goes', async () => {
    h.slack.failResponseUrl('limited', { status: 404 }, 5);
    h.slack.rateLimitNext('chat.postMessage', 1, 1);
    const started = Date.now();
    await commandTo('ext 104', 'limited');
    await dmWith('Ana Ruiz');
    const limited = h.slack.callsTo('chat.postMessage').filter((c) => fresh(c) && c.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('expired_trigger_id: the lookup window cannot open, the member is told how to ask instead', async () => {
    h.slack.failNext('views.open', 'expired_trigger_id');
    const before = logged('expired_trigger_id').length;
    const id = await commandTo('');
    const reply = await h.slack.waitForResponse(id);
    expect(shown(reply.body)).toMatch(/did not open the lookup window.*\/rcnumber ext 101/);
    expect(logged('expired_trigger_id').length - before).toBe(1);
  });

  it('expired_trigger_id from the Home tab’s Search button: told by DM', async () => {
    h.slack.failNext('views.open', 'expired_trigger_id');
    const payload = blockActionPayload({
      userId: PEOPLE.ana.id,
      teamId: TEAM_ID,
      actionId: 'open_search',
      value: 'search',
      view: { id: 'VHOME', type: 'home' },
    });
    expect((await postBlockAction(h.appUrl, SIGNING_SECRET, payload)).status).toBe(200);
    await dmWith('did not open the lookup window');
  });

  /** Opens the lookup modal as Ana; resolves with its view id once it shows the search box. */
  async function openModal(): Promise<string> {
    await commandTo('');
    const opened = await h.slack.waitFor('views.open', (_args, call) => fresh(call) && call.ok);
    return String((opened.response.view as { id: string }).id);
  }

  async function searchInModal(viewId: string, value: string) {
    const payload = blockActionPayload({
      userId: PEOPLE.ana.id,
      teamId: TEAM_ID,
      actionId: 'search_input',
      actionType: 'plain_text_input',
      value,
      blockId: 'search_block',
      view: { id: viewId, type: 'modal', callback_id: 'lookup_modal' },
    });
    expect((await postBlockAction(h.appUrl, SIGNING_SECRET, payload)).status).toBe(200);
  }

  it('views.update hash_conflict: the newer view stays, logged once', async () => {
    const before = logged('hash_conflict').length;
    h.slack.failNext('views.update', 'hash_conflict');
    const viewId = await openModal();
    await h.slack.waitFor(
      'views.update',
      (args, call) => fresh(call) && args.view_id === viewId && !call.ok,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged('hash_conflict').length - before).toBe(1);
  });

  it('views.update failing (the modal was closed): the results come as a fresh message', async () => {
    const viewId = await openModal();
    await h.slack.waitFor('views.update', (args) => args.view_id === viewId);
    h.slack.failNext('views.update', 'not_found', 2);
    await searchInModal(viewId, 'ext 104');
    await dmWith('Ana Ruiz');
    expect(logged('not_found').length).toBeGreaterThanOrEqual(1);
  });

  it('a Slack API that hangs on views.update: timed out, the results come by DM', async () => {
    const viewId = await openModal();
    await h.slack.waitFor('views.update', (args) => args.view_id === viewId);
    h.slack.hangNext('views.update', 10);
    await searchInModal(viewId, '650 331 6252');
    await dmWith(ANA_NUMBER);
  });

  it.each(['channel_not_found', 'not_in_channel'])(
    '%s when sharing: the sharer is told how to fix it',
    async (code) => {
      // The Share button of Ana's own answer: button values are signed for whom they were shown.
      const answer = await h.command(PEOPLE.ana.id, 'numbers', { channelId: 'CITOPS' });
      h.slack.failNext('chat.postMessage', code);
      const press = await h.press(
        PEOPLE.ana.id,
        'share_in_channel',
        buttonValue(answer.blocks, 'share_in_channel'),
        { channelId: 'CITOPS' },
      );
      const reply = await h.slack.waitForResponse(press.responseId);
      expect(shown(reply.body)).toMatch(/not a member of this channel.*\/invite/);
    },
  );

  it('channel_not_found for the DM itself: logged, and nothing left unhandled', async () => {
    h.slack.failResponseUrl('nowhere', { status: 404 }, 5);
    h.slack.failNext('chat.postMessage', 'channel_not_found');
    await commandTo('ext 104', 'nowhere');
    await h.slack.waitFor(
      'chat.postMessage',
      (_args, call) => fresh(call) && call.error === 'channel_not_found',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.logs.some((line) => line.includes('answer not delivered'))).toBe(true);
  });
});
