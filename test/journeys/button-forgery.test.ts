// Whoever holds a response_url can post messages as the app, with buttons of their own making;
// Slack then delivers the click, genuinely signed, from whoever presses it. These journeys press
// such buttons through the real app and check that nothing is done and the clicker is told why.
import { ValueSigner } from '../../src/blocks';
import { postViewSubmission, viewSubmissionPayload } from '../../src/slack-stand-in';
import { buttonValue } from '../support/buttons';
import {
  type Harness,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const CHANGED = 'This button was changed; nothing was done.';
const OTHER_MEMBER = 'This button was made for someone else; run the command yourself.';

describe('forged and edited buttons', () => {
  let h: Harness;
  const john = PEOPLE.john.id;
  const ana = PEOPLE.ana.id;

  beforeAll(async () => {
    h = await startHarness();
    await h.link(john, 'john.smith@example.com');
    await h.link(ana, 'ana.ruiz@example.com');
    h.slack.addChannel({ id: 'CITOPS', name: 'it-ops', members: [john, ana] });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Calls made since `mark` (an index into every call the stand-in recorded). */
  const since = (mark: number, method: string) =>
    h.slack.calls.slice(mark).filter((call) => call.method === method);

  /** Presses as `userId` in #it-ops; resolves with the reply the click got. */
  async function pressed(userId: string, actionId: string, value: string) {
    const press = await h.press(userId, actionId, value, { channelId: 'CITOPS' });
    expect(press.status).toBe(200);
    return (await h.slack.waitForResponse(press.responseId)).body;
  }

  const warnings = () =>
    h.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.level === 40 && /refused/.test(String(entry.msg)));

  it('refuses a share button edited to another command, query or offset', async () => {
    const numbers = await h.command(john, 'numbers ext 104', { channelId: 'CITOPS' });
    const lookup = await h.command(john, '+1 650 331 6252', { channelId: 'CITOPS' });
    const shareNumbers = buttonValue(numbers.blocks, 'share_in_channel');
    const shareLookup = buttonValue(lookup.blocks, 'share_in_channel');
    const edits = [
      shareNumbers.replace('"c":"numbers"', '"c":"company"'),
      shareNumbers.replace('"q":"104"', '"q":"105"'),
      shareLookup.replace('"o":0', '"o":20'),
    ];
    const mark = h.slack.calls.length;
    for (const edited of edits) {
      expect(edited).not.toBe(shareNumbers);
      expect(edited).not.toBe(shareLookup);
      const reply = await pressed(john, 'share_in_channel', edited);
      expect(shown(reply)).toContain(CHANGED);
      // The answer the button sat under stays as it was.
      expect(reply.replace_original).toBe(false);
    }
    expect(since(mark, 'chat.postMessage')).toEqual([]);
    const logged = warnings().filter((entry) => entry.userId === john);
    expect(logged.length).toBeGreaterThanOrEqual(3);
    expect(logged[0]).toMatchObject({ teamId: TEAM_ID, actionId: 'share_in_channel' });
    // Ids only: neither the value nor its MAC reach the log.
    const mac = shareNumbers.split('.')[2] ?? '';
    expect(h.logs.join('\n')).not.toContain(mac);
  });

  it('refuses a button made for one member when another presses it', async () => {
    const numbers = await h.command(ana, 'numbers', { channelId: 'CITOPS' });
    const extension = await h.command(ana, 'ext 104', { channelId: 'CITOPS' });
    const mark = h.slack.calls.length;
    const share = await pressed(
      john,
      'share_in_channel',
      buttonValue(numbers.blocks, 'share_in_channel'),
    );
    expect(shown(share)).toContain(OTHER_MEMBER);
    const forwarding = await pressed(
      john,
      'show_forwarding',
      buttonValue(extension.blocks, 'show_forwarding'),
    );
    expect(shown(forwarding)).toContain(OTHER_MEMBER);
    expect(shown(forwarding)).not.toContain('+1 650 555 0123');
    expect(since(mark, 'chat.postMessage')).toEqual([]);
    expect(warnings()).toContainEqual(
      expect.objectContaining({ userId: john, madeForUserId: ana, refusal: 'other_member' }),
    );
  });

  it('refuses a forwarding list through the plain Share button, however it is dressed', async () => {
    const list = await h.command(john, 'forwarding ext 104', { channelId: 'CITOPS' });
    const forwardingValue = JSON.stringify({ c: 'forwarding', q: '104' });
    const attempts = [
      // As values were before signing: plain JSON.
      forwardingValue,
      // A genuine forwarding share button's value, sent to the plain Share button.
      buttonValue(list.blocks, 'share_forwarding'),
      // Even signed for this very button with the app's own key, forwarding is refused here.
      new ValueSigner(h.encryptionKey).sign(
        { teamId: TEAM_ID, userId: john },
        'share_in_channel',
        forwardingValue,
      ),
    ];
    const mark = h.slack.calls.length;
    for (const value of attempts) {
      expect(shown(await pressed(john, 'share_in_channel', value))).toContain(CHANGED);
    }
    expect(since(mark, 'chat.postMessage')).toEqual([]);
    expect(since(mark, 'views.open')).toEqual([]);
  });

  it('refuses a confirmation sent to another channel, for another list or by another member', async () => {
    const list = await h.command(ana, 'fwd', { channelId: 'CITOPS' });
    const mark = h.slack.calls.length;
    const press = await h.press(
      ana,
      'share_forwarding',
      buttonValue(list.blocks, 'share_forwarding'),
      {
        channelId: 'CITOPS',
      },
    );
    expect(press.status).toBe(200);
    const opened = await h.slack.waitFor(
      'views.open',
      (args, call) =>
        h.slack.calls.indexOf(call) >= mark && args.view?.callback_id === 'confirm_share',
    );
    const metadata = String(opened.args.view?.private_metadata);
    const submit = (userId: string, privateMetadata: string) =>
      postViewSubmission(
        h.appUrl,
        SIGNING_SECRET,
        viewSubmissionPayload({
          userId,
          teamId: TEAM_ID,
          callbackId: 'confirm_share',
          values: {},
          privateMetadata,
        }),
      );
    const payload = metadata.slice(metadata.indexOf('{'));
    const forged: Array<[who: string, metadata: string, words: RegExp]> = [
      [
        ana,
        metadata.replace('"channelId":"CITOPS"', '"channelId":"C0001"'),
        /changed; nothing was shared/,
      ],
      [ana, metadata.replace('"q":"104"', '"q":"101"'), /changed; nothing was shared/],
      [ana, metadata.replace('"personal":[', '"personal":["x",'), /changed; nothing was shared/],
      [ana, payload, /changed; nothing was shared/],
      [ana, '', /changed; nothing was shared/],
      [john, metadata, /made for someone else/],
    ];
    for (const [who, privateMetadata, words] of forged) {
      expect(privateMetadata === metadata && who === ana).toBe(false);
      const answer = await submit(who, privateMetadata);
      expect(answer.status).toBe(200);
      const ack = JSON.parse(answer.body) as { response_action?: string; view?: unknown };
      expect(ack.response_action).toBe('update');
      expect(JSON.stringify(ack.view)).toMatch(words);
    }
    expect(since(mark, 'chat.postMessage')).toEqual([]);
    expect(warnings()).toContainEqual(
      expect.objectContaining({
        userId: john,
        callbackId: 'confirm_share',
        refusal: 'other_member',
      }),
    );

    // The genuine confirmation, by the member it was made for, still shares.
    expect((await submit(ana, metadata)).body).toBe('');
    const post = await h.slack.waitFor('chat.postMessage', (args) => args.channel === 'CITOPS');
    expect(JSON.stringify(post.args.blocks)).toContain('+1 650 555 0123');
  });
});
