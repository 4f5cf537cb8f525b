// A Connect button can be forwarded: Ana sends hers to an admin, who opens it in their own
// browser and signs in. The link must bind Ana's Slack account only to Ana's own extension, so
// a sign-in whose RingCentral email is not Ana's Slack email links nothing (or, with
// LINK_EMAIL_MATCH=confirm, only after a second page naming both sides).
import {
  type Harness,
  linkUrlOf,
  PEOPLE,
  pendingForm,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };
const john = { teamId: TEAM_ID, userId: PEOPLE.john.id };
const REVOKE = /oauth\/revoke/;

/** Ana asks for a button; whoever opens it signs in at RingCentral as `who`. */
async function forwardedSignIn(h: Harness, who: string, userId: string = PEOPLE.ana.id) {
  const button = linkUrlOf(await h.command(userId, 'link')) ?? '';
  const callback = await h.sandbox.approve(await h.authorizeUrl(button), who);
  return h.openCallback(callback);
}

/** What a page says, as a reader sees it. */
const text = (html: string) =>
  html
    .replace(/<style>[^<]*<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

async function revokes(h: Harness, count: number): Promise<number> {
  for (let i = 0; i < 100 && h.sandbox.countRequests({ path: REVOKE }) < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return h.sandbox.countRequests({ path: REVOKE, status: 200 });
}

describe('a forwarded Connect button signed in by someone else (LINK_EMAIL_MATCH=required)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('links nothing, ends the sign-in, says why on the page and tells the member', async () => {
    const page = await forwardedSignIn(h, 'john.smith@example.com');
    expect(page.status).toBe(403);
    expect(text(page.html)).toContain(
      "This sign-in was for another person's Slack account; nothing was linked.",
    );
    expect(text(page.html)).toContain('Ana Ruiz (@uana) in workspace rcnumber test (T0001)');
    expect(text(page.html)).toContain('John Smith, ext 101');
    expect(text(page.html)).toContain('Your RingCentral sign-in was ended.');
    expect(await h.links.getLink(ana)).toBeNull();
    expect(await h.links.getLink(john)).toBeNull();
    expect(await revokes(h, 1)).toBe(1);
    // Ana hears of it where she asked, next to her prompt (not replacing it: she may retry).
    const note = h.slack.responses().find((r) => /refused/.test(r.body.text ?? ''));
    expect(note?.body.text).toMatch(/different email address from your Slack account/);
    expect(note?.body.replace_original).toBe(false);
    const logs = h.logs.join('');
    expect(logs).toMatch(/"level":40[^\n]*"userId":"UANA"[^\n]*"reason":"email_mismatch"/);
    expect(logs).not.toMatch(/"(access|refresh)_?[tT]oken":"[^[]/);
  });

  it('leaves the member’s own link as it was', async () => {
    expect((await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com')).status).toBe(200);
    const before = await h.links.getLink(ana);
    expect((await forwardedSignIn(h, 'dev.patel@example.com')).status).toBe(403);
    expect(await h.links.getLink(ana)).toEqual(before);
    // Ana's own session still answers; only the admin's sign-in was ended.
    expect(shown(await h.command(PEOPLE.ana.id, 'numbers'))).toContain('+1 650 331 6252');
    expect(h.sandbox.countRequests({ path: REVOKE, extensionId: '435071008' })).toBe(1);
    expect(h.sandbox.countRequests({ path: REVOKE, extensionId: '435068008' })).toBe(0);
  });

  it('matches emails whatever their case and spacing', async () => {
    h.slack.addUser({ id: 'UANA2', email: '  Ana.Ruiz@Example.COM ', real_name: 'Ana Ruiz' });
    const page = await forwardedSignIn(h, 'ana.ruiz@example.com', 'UANA2');
    expect(page.status).toBe(200);
    expect((await h.links.getLink({ teamId: TEAM_ID, userId: 'UANA2' }))?.identity.name).toBe(
      'Ana Ruiz',
    );
  });

  it('refuses when the Slack profile or the extension has no email', async () => {
    h.slack.addUser({ id: 'UNOMAIL', real_name: 'Nomail Person' });
    const noSlack = await forwardedSignIn(h, 'ana.ruiz@example.com', 'UNOMAIL');
    expect(noSlack.status).toBe(403);
    expect(text(noSlack.html)).toContain('has no email address rcnumber can read');
    expect(await h.links.getLink({ teamId: TEAM_ID, userId: 'UNOMAIL' })).toBeNull();

    const ext = h.sandbox.company.extensions.find((e) => e.extensionNumber === '104');
    if (!ext) throw new Error('no ext 104');
    ext.email = undefined;
    const noRc = await forwardedSignIn(h, 'ana.ruiz@example.com');
    expect(noRc.status).toBe(403);
    expect(text(noRc.html)).toContain('Ana Ruiz, ext 104) has no email address');
    expect(await h.links.getLink(ana)).toBeNull();
    expect(await revokes(h, 2)).toBe(2);
  });
});

describe('LINK_EMAIL_MATCH=confirm', () => {
  let h: Harness;
  let offset = 0;
  beforeEach(async () => {
    offset = 0;
    h = await startHarness({
      env: { LINK_EMAIL_MATCH: 'confirm' },
      deps: { now: () => Date.now() + offset },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('asks whoever signed in again, naming both sides, and links only when confirmed', async () => {
    const page = await forwardedSignIn(h, 'john.smith@example.com');
    expect(page.status).toBe(200);
    const words = text(page.html);
    expect(words).toContain('Link another person’s Slack account?');
    for (const side of [
      'Ana Ruiz (@uana)',
      `member ${PEOPLE.ana.id}, workspace rcnumber test (T0001)`,
      'John Smith , ext 101, RingCentral administrator',
      'MyCompany Inc. (RingCentral account 159048008)',
    ]) {
      expect(words).toContain(side);
    }
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect(await h.links.getLink(ana)).toBeNull();
    expect(h.sandbox.countRequests({ path: REVOKE })).toBe(0);

    const linked = await h.decide(page, 'link');
    expect(linked.status).toBe(200);
    expect(linked.html).toContain('Linked as John Smith, ext 101');
    expect((await h.links.getLink(ana))?.identity.extensionNumber).toBe('101');
    // John, whose email the extension has, is told whose Slack account now uses it.
    const dm = await h.slack.waitFor(
      'chat.postMessage',
      (args) =>
        args.channel === PEOPLE.john.id && /was linked to the Slack account/.test(args.text ?? ''),
    );
    expect(dm.args.text).toContain(`<@${PEOPLE.ana.id}>`);
    // Ana's prompt is replaced by the confirmation, as for any link.
    const confirmed = h.slack
      .responses()
      .find((r) => /Linked as John Smith/.test(r.body.text ?? ''));
    expect(confirmed?.body.replace_original).toBe(true);
  });

  it('refuses the confirmation from another browser or site, and a replay', async () => {
    const page = await forwardedSignIn(h, 'john.smith@example.com');
    const elsewhere = await h.decide(page, 'link', { otherBrowser: true });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.html).toContain('belongs to the browser that signed in');
    const foreign: Array<Record<string, string>> = [
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      {},
    ];
    for (const headers of foreign) {
      expect((await h.decide(page, 'link', { headers })).status).toBe(403);
    }
    expect(await h.links.getLink(ana)).toBeNull();
    // None of those spent it: the browser that signed in still can, once.
    expect((await h.decide(page, 'link')).status).toBe(200);
    const replay = await h.decide(page, 'link');
    expect(replay.status).toBe(400);
    expect(replay.html).toContain('already used or is too old');
    expect(h.logs.join('')).toMatch(/link confirmation refused: opened in another browser/);
  });

  it('cancelling, or waiting too long, links nothing and ends the sign-in', async () => {
    const cancelled = await h.decide(await forwardedSignIn(h, 'john.smith@example.com'), 'cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.html).toContain('Nothing was linked');
    expect(await revokes(h, 1)).toBe(1);

    const late = await forwardedSignIn(h, 'dev.patel@example.com');
    expect(pendingForm(late.html)).not.toBeNull();
    offset = 11 * 60_000;
    await h.app.runDueReminders();
    expect(await revokes(h, 2)).toBe(2);
    expect((await h.decide(late, 'link')).status).toBe(400);
    expect(await h.links.getLink(ana)).toBeNull();
  });

  it('links a matching sign-in at once, and lets two members share one extension', async () => {
    expect((await h.link(PEOPLE.ben.id, 'ben.okafor@example.com')).status).toBe(200);
    const page = await h.linkConfirmed(PEOPLE.ana.id, 'ben.okafor@example.com');
    expect(page.status).toBe(200);
    const ben = await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ben.id });
    const shared = await h.links.getLink(ana);
    expect(shared?.identity.extensionNumber).toBe('105');
    expect(shared?.tokens.accessToken).not.toBe(ben?.tokens.accessToken);
    // Unlinking one ends only that member's RingCentral session.
    await h.command(PEOPLE.ana.id, 'unlink');
    expect(shown(await h.command(PEOPLE.ben.id, 'numbers'))).toContain('+1 650 331 6253');
  });
});
