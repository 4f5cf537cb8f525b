// "Who owns these numbers?" when Slack refuses the shortcut's response_url (expired, used up,
// unreachable): the answer still reaches the member who clicked, by DM, and nobody else.
// Slack calls time out here after 300 ms.
import {
  type Harness,
  linkUrlOf,
  memberOfConnectUrl,
  PEOPLE,
  startHarness,
} from '../support/harness';
import { sendMessageShortcut } from '../support/shortcuts';

const MESSAGE = 'Missed calls: +1 650 331 6253 and (415) 555-0100';

describe('the message shortcut when its response_url fails', () => {
  let h: Harness;
  let sequence = 0;
  let mark = 0;
  beforeAll(async () => {
    h = await startHarness({ deps: { slack: { timeoutMs: 300, retries: 1, retryPauseMs: 50 } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.app.services.background.idle();
  }, 60_000);
  afterAll(() => h.close());
  beforeEach(() => {
    mark = h.slack.calls.length;
  });
  afterEach(() => {
    expect(h.logs.filter((line) => line.includes('unhandled listener error'))).toEqual([]);
  });

  /** The DMs the app sent during this test. */
  const dms = () =>
    h.slack.callsTo('chat.postMessage').filter((c) => h.slack.calls.indexOf(c) >= mark);

  /** The shortcut as `userId` on MESSAGE; resolves with the DM that answered it. */
  async function answeredByDm(userId: string, responseId: string) {
    expect(await sendMessageShortcut(h, userId, MESSAGE, responseId)).toBe(200);
    return h.slack.waitFor(
      'chat.postMessage',
      (args, call) => h.slack.calls.indexOf(call) >= mark && call.ok && args.channel === userId,
      15_000,
    );
  }

  it('an expired response_url: the answer comes by DM to the clicker alone, logged once', async () => {
    const id = `expired-${++sequence}`;
    h.slack.expireResponseUrl(id);
    const dm = await answeredByDm(PEOPLE.ana.id, id);
    const body = JSON.stringify(dm.args);
    expect(body).toContain('+1 650 331 6253 belongs to ext 105 Ben Okafor');
    expect(body).toContain('No number visible to you matches +1 415 555 0100');
    // Nobody else heard of it: one DM, to Ana; John, also linked, got nothing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dms().map((call) => call.args.channel)).toEqual([PEOPLE.ana.id]);
    expect(h.slack.responses(id)).toHaveLength(0);
    const logged = h.logs.filter(
      (line) => line.includes('"code":"expired_url"') && line.includes(PEOPLE.ana.id),
    );
    expect(logged).toHaveLength(1);
  });

  it('a response_url that never answers: tried twice, then the answer comes by DM', async () => {
    const id = `hangs-${++sequence}`;
    h.slack.failResponseUrl(id, 'hang', 2);
    const dm = await answeredByDm(PEOPLE.john.id, id);
    expect(JSON.stringify(dm.args)).toContain('+1 650 331 6253 belongs to ext 105 Ben Okafor');
    expect(dms().map((call) => call.args.channel)).toEqual([PEOPLE.john.id]);
  });

  it('a response_url answering 500 once: tried again and answered in place, no DM', async () => {
    const id = `flaky-${++sequence}`;
    h.slack.failResponseUrl(id, { status: 500 });
    expect(await sendMessageShortcut(h, PEOPLE.ana.id, MESSAGE, id)).toBe(200);
    const reply = await h.slack.waitForResponse(id, undefined, 15_000);
    expect(JSON.stringify(reply.body)).toContain('Ben Okafor');
    expect(dms()).toHaveLength(0);
  });

  it('a member not linked gets the Connect prompt by DM, bound to them, with no numbers', async () => {
    const id = `unlinked-${++sequence}`;
    h.slack.expireResponseUrl(id);
    const dm = await answeredByDm(PEOPLE.ben.id, id);
    const url = linkUrlOf({ blocks: dm.args.blocks as never }) ?? '';
    expect(url).toContain('/oauth/ringcentral/start?t=');
    expect(await memberOfConnectUrl(h, url)).toBe(PEOPLE.ben.id);
    expect(JSON.stringify(dm.args)).not.toContain('650');
  });
});
