// A Connect button can be forwarded. Opening it only shows whose Slack account it would link;
// RingCentral is reached only through that page's own form, so an admin who is sent someone
// else's button sees the name before approving anything.
import { randomBytes } from 'node:crypto';
import {
  browserPost,
  confirmForm,
  type Harness,
  linkUrlOf,
  PEOPLE,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const FORM = 'application/x-www-form-urlencoded';
const FAR_FUTURE = Date.now() + 10 * 365 * 24 * 60 * 60_000;

/** How many OAuth states the store holds (it empties them to count: call once, at the end). */
const oauthStates = (h: Harness) => h.links.purgeExpiredOAuthStates(FAR_FUTURE);

/**
 * Every page of the flow is unframeable and uncached, and leaks no referrer beyond our origin:
 * the confirmation page says same-origin (so its form carries a real Origin), the rest
 * no-referrer.
 */
function expectUnframeable(
  response: { headers: Headers },
  referrer: 'no-referrer' | 'same-origin' = 'no-referrer',
): void {
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('referrer-policy')).toBe(referrer);
}

describe('opening a Connect button asks first, naming whose Slack account it links', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const button = async (userId: string) =>
    new URL(linkUrlOf(await h.command(userId, 'link')) ?? '');
  /** Posts to the start route as the confirmation page's form does, unless told otherwise. */
  const post = (body: string, headers: Record<string, string> = browserPost(h.appUrl)) =>
    fetch(`${h.appUrl}/oauth/ringcentral/start`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': FORM, ...headers },
      body,
    });

  it('answers a page naming the member and workspace, without redirecting or starting OAuth', async () => {
    const url = await button(PEOPLE.ana.id);
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('location')).toBeNull();
    expect(html).toContain('<strong>Ana Ruiz (@uana)</strong>');
    expect(html).toContain(TEAM_ID);
    expect(html).toContain(PEOPLE.ana.id);
    expect(html).toMatch(/Only continue if this is you/);
    expect(html).toContain('Continue to RingCentral');
    expect(confirmForm(html)).toEqual({
      action: `${h.appUrl}/oauth/ringcentral/start`,
      token: url.searchParams.get('t'),
    });
    expectUnframeable(page, 'same-origin');
    // A GET (a link scanner, a preview, a curious click) neither starts a sign-in nor a reminder.
    const member = await h.members.getMember({ teamId: TEAM_ID, userId: PEOPLE.ana.id });
    expect(member?.linkOpenedAt ?? null).toBeNull();
    expect(member?.reminderDueAt ?? null).toBeNull();
    expect(await oauthStates(h)).toBe(0);
  });

  it('continues to RingCentral only from the form’s POST, with a 303 and the same headers', async () => {
    const url = await button(PEOPLE.ana.id);
    const answer = await post(
      new URLSearchParams({ t: url.searchParams.get('t') ?? '' }).toString(),
    );
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${h.sandbox.url}/restapi/oauth/authorize`);
    expectUnframeable(answer);
    expect(await oauthStates(h)).toBe(1);
  });

  it('refuses a POST with a forged, altered, missing or oversized token, starting nothing', async () => {
    const token = (await button(PEOPLE.ana.id)).searchParams.get('t') ?? '';
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const t of [randomBytes(32).toString('base64url'), altered, `${token}.AAAA`, '']) {
      const answer = await post(new URLSearchParams({ t }).toString());
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(await answer.text()).toMatch(/expired/i);
      expectUnframeable(answer);
    }
    const huge = await post(`t=${token}&pad=${'x'.repeat(20_000)}`);
    expect(huge.status).toBe(413);
    // A token in the query string is not a confirmation either.
    const viaQuery = await fetch(`${h.appUrl}/oauth/ringcentral/start?t=${token}`, {
      method: 'POST',
      redirect: 'manual',
      headers: browserPost(h.appUrl),
    });
    expect(viaQuery.status).toBe(400);
    expect(await oauthStates(h)).toBe(0);
  });

  it('refuses a POST another site makes, which would skip the page naming the member', async () => {
    const t = new URLSearchParams({
      t: (await button(PEOPLE.ana.id)).searchParams.get('t') ?? '',
    }).toString();
    const refused: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: h.appUrl },
      { origin: 'https://evil.example' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
      // A sandboxed frame or a no-referrer page elsewhere posts with `Origin: null`.
      { origin: 'null' },
      {},
    ];
    for (const headers of refused) {
      const answer = await post(t, headers);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('location')).toBeNull();
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect(await answer.text()).toMatch(/did not come from the rcnumber confirmation page/);
    }
    expect(await oauthStates(h)).toBe(0);
    expect(h.logs.join('')).toMatch(/link start refused: not posted from the confirmation page/);
    expect(h.logs.join('')).toContain(PEOPLE.ana.id);
    // What browsers send from the confirmation page itself.
    expect((await post(t, { origin: h.appUrl })).status).toBe(303);
    expect((await post(t, { 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    expect((await post(t, { 'sec-fetch-site': 'same-origin', origin: 'null' })).status).toBe(303);
    expect((await post(t, browserPost(h.appUrl))).status).toBe(303);
  });

  it('keeps at most three sign-ins open per member, however often Continue is replayed', async () => {
    const t = new URLSearchParams({
      t: (await button(PEOPLE.ana.id)).searchParams.get('t') ?? '',
    }).toString();
    const states: string[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await post(t);
      expect(answer.status).toBe(303);
      states.push(new URL(answer.headers.get('location') ?? '').searchParams.get('state') ?? '');
    }
    // Ben's own sign-in is not spent by Ana's replays.
    await post(
      new URLSearchParams({
        t: (await button(PEOPLE.ben.id)).searchParams.get('t') ?? '',
      }).toString(),
    );
    const open = [];
    for (const state of states) {
      const found = await h.links.consumeOAuthState(state, Date.now());
      if (found) open.push(state);
    }
    expect(open).toEqual(states.slice(-3));
    expect(await oauthStates(h)).toBe(1);
  });

  it('refuses an expired or forged button with the 400 page, also unframeable', async () => {
    const url = await button(PEOPLE.ana.id);
    url.searchParams.set('t', randomBytes(32).toString('base64url'));
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('This button has expired');
    expectUnframeable(page);
  });

  it('escapes the member’s Slack name, and names them by id when Slack does not answer', async () => {
    h.slack.addUser({ id: 'UEVIL', real_name: '<img src=x onerror=alert(1)> "Alice"' });
    const evil = await (await fetch(await button('UEVIL'))).text();
    expect(evil).not.toContain('<img');
    expect(evil).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Alice&quot;');

    const url = await button(PEOPLE.ben.id);
    h.slack.failNext('users.info', 'user_not_found', 5);
    const html = await (await fetch(url)).text();
    expect(html).toContain(`<strong>${PEOPLE.ben.id}</strong>`);
    expect(confirmForm(html)).not.toBeNull();
  });
});

describe('abandoned sign-ins', () => {
  it('are purged by the scheduler’s round once their state has expired', async () => {
    const h = await startHarness();
    try {
      const state = (name: string, expiresAt: number) => ({
        state: name,
        teamId: TEAM_ID,
        userId: PEOPLE.ana.id,
        codeVerifier: `verifier-${name}`,
        channelId: null,
        responseUrl: null,
        createdAt: expiresAt - 10 * 60_000,
        expiresAt,
      });
      await h.links.saveOAuthState(state('abandoned', Date.now() - 60_000));
      await h.links.saveOAuthState(state('current', Date.now() + 5 * 60_000));
      await h.app.runDueReminders();
      // Consuming "as of long ago" would still return a row that is there: the expired one is gone.
      expect(await h.links.consumeOAuthState('abandoned', 0)).toBeNull();
      expect(await h.links.consumeOAuthState('current', Date.now())).not.toBeNull();
    } finally {
      await h.close();
    }
  });

  it('links nothing when a sign-in started in one browser comes back in another', async () => {
    const h = await startHarness();
    try {
      // Ana starts her own sign-in and sends the RingCentral URL to Ben, who approves it.
      const authorize = await h.authorizeUrl(
        linkUrlOf(await h.command(PEOPLE.ana.id, 'link')) ?? '',
      );
      const callback = await h.sandbox.approve(authorize, 'ben.okafor@example.com');
      const landing = await h.openCallback(callback, { otherBrowser: true });
      expect(landing.status).toBe(400);
      expect(landing.html).toMatch(/started in another browser/);
      expect(await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id })).toBeNull();
      // The state is spent: the right browser cannot reuse it afterwards either.
      expect((await h.openCallback(callback)).status).toBe(400);
    } finally {
      await h.close();
    }
  });
});
