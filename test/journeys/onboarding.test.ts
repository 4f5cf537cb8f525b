import { ActionIds } from '../../src/blocks/ids';
import type { RecordedCall } from '../../src/slack-stand-in';
import { checkBlockKitLimits } from '../blocks/block-kit-limits';
import { buttonByAction } from '../blocks/helpers';
import {
  type Harness,
  isProgress,
  linkUrlOf,
  PEOPLE,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const DAY_MS = 24 * 60 * 60_000;

/** The DMs the app posted to one member (chat.postMessage to the member's id opens the DM). */
function dmsTo(h: Harness, userId: string): RecordedCall[] {
  return h.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.ok && call.args.channel === userId);
}

describe('/rcnumber onboard', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('two admins onboarding one channel at the same moment DM each member once', async () => {
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.dev.id, 'dev.patel@example.com');
    const people = Array.from({ length: 30 }, (_, i) => `UNEW${i}`);
    for (const id of people) h.slack.addUser({ id, name: id.toLowerCase() });
    h.slack.addChannel({ id: 'CBOTH', name: 'both', members: people });

    const replies = await Promise.all([
      h.command(PEOPLE.john.id, 'onboard <#CBOTH>'),
      h.command(PEOPLE.dev.id, 'onboard <#CBOTH>'),
    ]);
    for (const id of people) expect(dmsTo(h, id)).toHaveLength(1);
    const sent = replies.map((reply) => Number(reply.text?.match(/Sent to (\d+)/)?.[1]));
    expect((sent[0] ?? 0) + (sent[1] ?? 0)).toBe(30);
  });

  it('prompts the unlinked people of a channel once each, and counts everyone else right', async () => {
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    h.slack.addUser({ id: 'UBOT2', name: 'deploybot', is_bot: true });
    h.slack.addUser({ id: 'UGONE', name: 'gone', deleted: true });
    h.slack.addUser({ id: 'UGUEST', name: 'guest', is_restricted: true });
    h.slack.addUser({ id: 'URECENT', name: 'recent' });
    h.slack.addUser({ id: 'UOLD', name: 'old' });
    const now = Date.now();
    await h.members.recordPrompt({ teamId: TEAM_ID, userId: 'URECENT' }, now - 2 * DAY_MS);
    await h.members.recordPrompt({ teamId: TEAM_ID, userId: 'UOLD' }, now - 8 * DAY_MS);
    const members = [
      PEOPLE.john.id,
      PEOPLE.ana.id,
      PEOPLE.ben.id,
      PEOPLE.dev.id,
      'UBOT2',
      'UGONE',
      'UGUEST',
      'URECENT',
      'UOLD',
      'UNOBODY', // no longer exists in Slack
    ];
    h.slack.addChannel({ id: 'CTEAM', name: 'team', members }); // the app's bot is in it too

    const reply = await h.command(PEOPLE.john.id, 'onboard <#CTEAM|team> <@UBEN>');
    expect(reply.text).toBe(
      'Sent to 3; 2 already linked; 2 bots skipped; 1 reminded in the last 7 days; 1 guest skipped; 2 not found',
    );
    for (const sent of [PEOPLE.ben.id, PEOPLE.dev.id, 'UOLD']) {
      const dms = dmsTo(h, sent);
      expect(dms).toHaveLength(1);
      const dm = { text: dms[0]?.args.text, blocks: dms[0]?.args.blocks };
      expect(checkBlockKitLimits(dm)).toEqual([]);
      const [connect] = buttonByAction(dm as never, ActionIds.connect);
      expect(await h.authorizeUrl(connect?.url ?? '')).toContain('/restapi/oauth/authorize');
    }
    for (const skipped of [PEOPLE.john.id, PEOPLE.ana.id, 'UBOT2', 'UGONE', 'UGUEST', 'URECENT']) {
      expect(dmsTo(h, skipped)).toHaveLength(0);
    }

    // Everyone just prompted is left alone for a week.
    const again = await h.command(PEOPLE.john.id, 'onboard <#CTEAM>');
    expect(again.text).toBe(
      'Sent to 0; 2 already linked; 2 bots skipped; 4 reminded in the last 7 days; 1 guest skipped; 2 not found',
    );
    expect(h.slack.callsTo('chat.postMessage').filter((call) => call.ok)).toHaveLength(3);
  });

  it('refuses a member who is not a RingCentral admin, and prompts no one', async () => {
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const reply = await h.command(PEOPLE.ana.id, 'onboard <@UBEN>');
    expect(shown(reply)).toMatch(/Only RingCentral admins/);
    expect(h.slack.callsTo('conversations.open')).toHaveLength(0);
  });

  it('asks a member who is not linked to link first', async () => {
    const reply = await h.command(PEOPLE.dev.id, 'onboard <@UBEN>');
    expect(await h.authorizeUrl(linkUrlOf(reply) ?? '')).toContain('/restapi/oauth/authorize');
    expect(h.slack.callsTo('conversations.open')).toHaveLength(0);
  });

  it('says what it needs when given no one', async () => {
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    expect(shown(await h.command(PEOPLE.john.id, 'onboard'))).toMatch(/needs people or a channel/);
  });

  it('names a channel it cannot read', async () => {
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    h.slack.addChannel({ id: 'GSECRET', is_private: true, is_member: false, members: ['UBEN'] });
    const reply = await h.command(PEOPLE.john.id, 'onboard <#GSECRET>');
    expect(reply.text).toBe('Sent to 0');
    expect(shown(reply)).toContain('<#GSECRET>');
    expect(checkBlockKitLimits(reply)).toEqual([]);
  });

  it("waits out Slack's 429 and then sends", async () => {
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    h.slack.rateLimitNext('chat.postMessage', 1, 1);
    const reply = await h.command(PEOPLE.john.id, 'onboard <@UBEN>');
    expect(reply.text).toBe('Sent to 1');
    const [limited, retried, ...rest] = h.slack.callsTo('chat.postMessage');
    expect(limited?.status).toBe(429);
    expect(retried?.ok).toBe(true);
    expect(rest).toHaveLength(0);
    // The retry came after the Retry-After second, not at once.
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(dmsTo(h, PEOPLE.ben.id)).toHaveLength(1);
  });

  it('goes through a channel of 5,000 members, showing progress', async () => {
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    const ids = Array.from({ length: 5000 }, (_, i) => `UM${String(i).padStart(5, '0')}`);
    for (const id of ids) h.slack.addUser({ id });
    h.slack.addChannel({ id: 'CBIG', name: 'everyone', members: ids });
    // Most were prompted last week already (a rerun); 500 are new and get a DM each.
    const twoDaysAgo = Date.now() - 2 * DAY_MS;
    for (const id of ids.slice(500)) {
      await h.members.recordPrompt({ teamId: TEAM_ID, userId: id }, twoDaysAgo);
    }
    // Slack slows the run down once on the way: every call waits out the two seconds.
    h.slack.rateLimitNext('users.info', 1, 2);
    const replies = await h.commandReplies(PEOPLE.john.id, 'onboard <#CBIG>');
    expect(replies.some(isProgress)).toBe(true);
    expect(replies.at(-1)?.text).toBe(
      'Sent to 500; 1 bot skipped; 4500 reminded in the last 7 days',
    );
    expect(dmsTo(h, 'UM00000')).toHaveLength(1);
    expect(dmsTo(h, 'UM04999')).toHaveLength(0);
    // 5,001 members (the app's bot too) are read in pages of 1,000.
    expect(h.slack.callsTo('conversations.members')).toHaveLength(6);
    // About 5 s on a quiet machine; a loaded one (CI beside other work) may take several times that.
  }, 60_000);
});

describe('/rcnumber onboard with ONBOARD_GUESTS=true', () => {
  it('prompts guests too', async () => {
    const h = await startHarness({ env: { ONBOARD_GUESTS: 'true' } });
    try {
      await h.link(PEOPLE.john.id, 'john.smith@example.com');
      h.slack.addUser({ id: 'UGUEST', name: 'guest', is_restricted: true });
      const reply = await h.command(PEOPLE.john.id, 'onboard <@UGUEST>');
      expect(reply.text).toBe('Sent to 1');
      expect(dmsTo(h, 'UGUEST')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
