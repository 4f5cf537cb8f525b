import { randomBytes } from 'node:crypto';
import { CONNECT_TOKEN_TTL_MS } from '../../src/ringcentral/connect-token';
import { type Harness, linkUrlOf, PEOPLE, shown, startHarness } from '../support/harness';

describe('linking a Slack member to their own RingCentral extension', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('prompts an unlinked member with a Connect button that leads to RingCentral with PKCE', async () => {
    const reply = await h.command(PEOPLE.ana.id, 'me');
    const button = new URL(linkUrlOf(reply) ?? '');
    expect(button.origin).toBe(h.appUrl);
    const url = new URL(await h.authorizeUrl(button.toString()));
    expect(url.origin + url.pathname).toBe(`${h.sandbox.url}/restapi/oauth/authorize`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(h.sandbox.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(`${h.appUrl}/oauth/ringcentral/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.has('code_verifier')).toBe(false);
    expect(reply.text).toBeTruthy();
  });

  it('links, says who in the page and in Slack, answers `me`, then unlinks', async () => {
    const page = await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Linked as Ana Ruiz, ext 104');
    // The prompt where Ana asked is replaced by the confirmation.
    const confirmed = h.slack.responses().find((r) => /Linked as Ana Ruiz/.test(r.body.text ?? ''));
    expect(confirmed?.body.replace_original).toBe(true);

    const me = await h.command(PEOPLE.ana.id, 'me');
    expect(me.text).toContain('Ana Ruiz');
    expect(me.text).toContain('104');
    expect(JSON.stringify(me.blocks)).toMatch(/not an admin|regular/i);

    const unlinked = await h.command(PEOPLE.ana.id, 'unlink');
    expect(unlinked.text).toMatch(/unlinked|disconnected/i);
    expect(h.sandbox.countRequests({ path: /oauth\/revoke/ })).toBe(1);
    expect(await h.links.getLink({ teamId: 'T0001', userId: PEOPLE.ana.id })).toBeNull();

    const after = await h.command(PEOPLE.ana.id, 'me');
    expect(await h.authorizeUrl(linkUrlOf(after) ?? '')).toContain('/restapi/oauth/authorize');
  });

  it('refuses a Connect button that is unknown, altered or past its week', async () => {
    const button = new URL(linkUrlOf(await h.command(PEOPLE.ana.id, 'link')) ?? '');
    const token = button.searchParams.get('t') ?? '';
    const forged = new URL(button);
    for (const t of [randomBytes(32).toString('base64url'), `${token.slice(0, -1)}x`, '']) {
      forged.searchParams.set('t', t);
      const page = await fetch(forged, { redirect: 'manual' });
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('This button has expired');
    }
    // The same button a week later.
    const later = await startHarness({
      databasePath: h.databasePath,
      env: { TOKEN_ENCRYPTION_KEY: h.encryptionKey },
      existingSandbox: h.sandbox,
      deps: { now: () => Date.now() + CONNECT_TOKEN_TTL_MS },
    });
    try {
      const stale = new URL(`${later.appUrl}${button.pathname}${button.search}`);
      expect((await fetch(stale, { redirect: 'manual' })).status).toBe(400);
      // Still within its week, the same token opens the confirmation page.
      expect((await fetch(button, { redirect: 'manual' })).status).toBe(200);
    } finally {
      await later.close();
    }
  });

  it('relinking replaces the old link and ends its session at RingCentral', async () => {
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const first = await h.links.getLink({ teamId: 'T0001', userId: PEOPLE.ana.id });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const replaced = await h.links.getLink({ teamId: 'T0001', userId: PEOPLE.ana.id });
    expect(replaced?.tokens.refreshToken).not.toBe(first?.tokens.refreshToken);
    expect(replaced?.version).not.toBe(first?.version);
    for (let i = 0; i < 50 && h.sandbox.countRequests({ path: /oauth\/revoke/ }) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(h.sandbox.countRequests({ path: /oauth\/revoke/, status: 200 })).toBe(1);
    expect(shown(await h.command(PEOPLE.ana.id, 'me'))).toContain('Ana Ruiz');
  });
});
