// The audit trail: every share to a channel is recorded with its details, RingCentral admins
// (checked at the moment of asking) read it paged and as a spreadsheet, regular users are told
// it is not for them, and shares older than AUDIT_RETENTION_DAYS are forgotten.

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

const DAY_MS = 24 * 60 * 60_000;

describe('the audit trail of shares', () => {
  let h: Harness;
  const { john, ana, dev } = PEOPLE;

  beforeAll(async () => {
    h = await startHarness({ env: { AUDIT_RETENTION_DAYS: '30' } });
    await h.link(john.id, john.email);
    await h.link(ana.id, ana.email);
    await h.link(dev.id, dev.email);
    h.slack.addChannel({ id: 'CITOPS', name: 'it-ops', members: [john.id, ana.id, dev.id] });
  });
  afterAll(async () => {
    await h.close();
  });

  async function shareForwarding(userId: string, channelId: string) {
    const list = await h.command(userId, 'fwd', { channelId });
    const mark = h.slack.calls.length;
    await h.press(userId, 'share_forwarding', buttonValue(list.blocks, 'share_forwarding'), {
      channelId,
    });
    const opened = await h.slack.waitFor(
      'views.open',
      (args, call) =>
        h.slack.calls.indexOf(call) >= mark && args.view?.callback_id === 'confirm_share',
    );
    await postViewSubmission(
      h.appUrl,
      SIGNING_SECRET,
      viewSubmissionPayload({
        userId,
        teamId: TEAM_ID,
        callbackId: 'confirm_share',
        values: {},
        privateMetadata: String(opened.args.view?.private_metadata),
      }),
    );
    await h.slack.waitFor(
      'chat.postMessage',
      (args, call) => h.slack.calls.indexOf(call) >= mark && args.channel === channelId,
    );
  }

  it('records who shared what where, with the personal numbers and the confirmation', async () => {
    await shareForwarding(ana.id, 'CITOPS');
    const numbers = await h.command(john.id, 'numbers ext 104', { channelId: 'CITOPS' });
    const { responseId } = await h.press(
      john.id,
      'share_in_channel',
      buttonValue(numbers.blocks, 'share_in_channel'),
      { channelId: 'CITOPS' },
    );
    await h.slack.waitForResponse(responseId, (body) => (body.text ?? '').includes('Shared in'));

    const audit = shown(await h.command(dev.id, 'audit'));
    expect(audit).toContain('Shares to channels in the last 7 days');
    expect(audit).toContain('showing 1–2 of 2');
    const lines = audit.split('\\n');
    const anaLine = lines.find((line) => line.includes('<@UANA>')) ?? '';
    expect(anaLine).toContain('(ext 104) shared `forwarding ext 104` in <#CITOPS>');
    expect(anaLine).toContain('2 personal numbers · confirmed · 4 members');
    const johnLine = lines.find((line) => line.includes('<@UJOHN>')) ?? '';
    expect(johnLine).toContain('shared `numbers ext 104` in <#CITOPS>');
    expect(johnLine).toContain('0 personal numbers · no confirmation needed');
    // Newest first.
    expect(audit.indexOf('<@UJOHN>')).toBeLessThan(audit.indexOf('<@UANA>'));
  });

  it('is for RingCentral admins only: a regular user is told so and sees nothing', async () => {
    const reply = shown(await h.command(ana.id, 'audit 30'));
    expect(reply).toContain('`audit` is for RingCentral admins');
    expect(reply).not.toContain('CITOPS');
    const mark = h.slack.calls.length;
    const exported = shown(await h.command(ana.id, 'export audit'));
    expect(exported).toContain('`audit` is for RingCentral admins');
    expect(h.slack.calls.slice(mark).map((call) => call.method)).not.toContain(
      'files.getUploadURLExternal',
    );
    const refusals = h.logs.filter((line) => line.includes('admin-only command refused'));
    expect(refusals.some((line) => line.includes('"userId":"UANA"'))).toBe(true);
  });

  it('checks the role at the moment of asking: a demoted admin loses it at once', async () => {
    h.sandbox.setAdmin('107', false);
    try {
      expect(shown(await h.command(dev.id, 'audit'))).toContain(
        '`audit` is for RingCentral admins',
      );
    } finally {
      h.sandbox.setAdmin('107', true);
    }
    expect(shown(await h.command(dev.id, 'audit'))).toContain('Shares to channels');
  });

  it('pages with buttons signed for the admin, refusing edited ones and other members', async () => {
    const now = Date.now();
    for (let i = 0; i < 12; i++) {
      await h.store.audit.recordShare({
        ...john,
        teamId: TEAM_ID,
        userId: john.id,
        accountId: '159048008',
        extensionId: '159048008',
        extensionNumber: '101',
        command: `ext 1${String(i).padStart(2, '0')}`,
        channelId: 'CITOPS',
        channelName: 'it-ops',
        sharedAt: now - (i + 1) * 60_000,
        personalCount: 0,
        confirmed: false,
        sharedExternally: false,
        memberCount: 4,
      });
    }
    const first = await h.command(john.id, 'audit');
    expect(shown(first)).toContain('showing 1–10 of 14');
    const next = buttonValue(first.blocks, 'audit_next');
    const pressed = await h.press(john.id, 'audit_next', next);
    const second = await h.slack.waitForResponse(pressed.responseId);
    expect(shown(second.body)).toContain('showing 11–14 of 14');
    expect(buttonValue(second.body.blocks, 'audit_previous')).toBeTruthy();

    // The value edited to another offset, or pressed by someone else: refused, nothing shown.
    const edited = next.replace('"o":10', '"o":0');
    const forged = await h.press(john.id, 'audit_next', edited);
    const refusal = await h.slack.waitForResponse(forged.responseId);
    expect(shown(refusal.body)).toContain('This button was changed; nothing was done.');
    expect(shown(refusal.body)).not.toContain('Shares to channels');
    const stolen = await h.press(ana.id, 'audit_next', next);
    const refused = await h.slack.waitForResponse(stolen.responseId);
    expect(shown(refused.body)).toContain('This button was made for someone else');
    expect(shown(refused.body)).not.toContain('CITOPS');
  });

  it('sends the trail to the admin as a spreadsheet in their DM', async () => {
    const reply = shown(await h.command(john.id, 'export audit 30'));
    expect(reply).toContain('Sent to your DM: rcnumber-audit.csv (14 rows)');
    const file = [...h.slack.files.values()].find((f) => f.filename === 'rcnumber-audit.csv');
    const dm = h.slack.channels.get(file?.channel ?? '');
    expect(dm?.is_im && dm.user).toBe(john.id);
    const text = file?.content?.toString('utf8') ?? '';
    expect(text.startsWith('\uFEFFShared at (UTC),Slack team,Slack member,')).toBe(true);
    expect(text).toContain(',UANA,104,forwarding ext 104,CITOPS,it-ops,2,yes,no,4\r\n');
  });

  it(`forgets shares older than AUDIT_RETENTION_DAYS in the minute's upkeep`, async () => {
    const old = await h.store.audit.recordShare({
      teamId: TEAM_ID,
      userId: john.id,
      accountId: '159048008',
      extensionId: '159048008',
      extensionNumber: '101',
      command: 'company',
      channelId: 'CITOPS',
      channelName: 'it-ops',
      sharedAt: Date.now() - 31 * DAY_MS,
      personalCount: 0,
      confirmed: false,
      sharedExternally: false,
      memberCount: 4,
    });
    const scope = { teamId: TEAM_ID, accountId: '159048008', since: 0, offset: 0, limit: 100 };
    const before = await h.store.audit.recentShares(scope);
    expect(before.items.map((s) => s.id)).toContain(old.id);
    await h.app.runUpkeep();
    const after = await h.store.audit.recentShares(scope);
    expect(after.items.map((s) => s.id)).not.toContain(old.id);
    expect(after.total).toBe(before.total - 1);
  });
});
