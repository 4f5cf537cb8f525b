// Slack's install flow in many-workspace mode, through the real app over HTTP: the install
// route, Slack's authorize page (played by the stand-in) and the redirect back. The state is
// Bolt's, signed with SLACK_STATE_SECRET and bound to the browser by a cookie: a redirect that
// comes back without that cookie, with another browser's, or with a forged state installs
// nothing and spends no code.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { type Harness, PEOPLE, SLACK_APP, startHarness } from '../support/harness';
import { answered, commandIn, installApp } from '../support/workspaces';

const A = { teamId: 'T0001' };

/** A state shaped like Bolt's (a JWT), signed with a secret that is not the app's. */
function forgedState(): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    installOptions: { scopes: ['commands'] },
    now: new Date().toJSON(),
  })}`;
  const signature = createHmac('sha256', 'not-the-state-secret').update(body).digest('base64url');
  return `${body}.${signature}`;
}

describe('installing the app in a Slack workspace', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ manyWorkspaces: true });
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers no workspace before its install, and keeps running', async () => {
    expect(await answered(h, A, PEOPLE.ana.id)).toBe(false);
    expect(h.logs.join('')).toMatch(/request from a workspace without an installation/);
    expect((await fetch(`${h.appUrl}/healthz`)).status).toBe(200);
    // Nothing was asked of Slack on the workspace's behalf.
    expect(h.slack.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('installs through /slack/install and /slack/oauth_redirect; the bot token is sealed', async () => {
    const run = await installApp(h, { teamId: 'T0001', userId: PEOPLE.john.id });
    expect(run.status).toBe(200);
    expect(run.html).toContain('rcnumber is installed in rcnumber test');

    const authorize = new URL(run.authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe(
      new URL('/oauth/v2/authorize', h.slack.url).toString(),
    );
    expect(authorize.searchParams.get('client_id')).toBe(SLACK_APP.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${h.appUrl}/slack/oauth_redirect`);
    expect(authorize.searchParams.get('scope')?.split(',')).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'users:read.email']),
    );
    // The state travels in the URL and in the browser's cookie, and must match there.
    expect(run.cookie).toBe(`slack-app-oauth-state=${authorize.searchParams.get('state')}`);

    const [token] = h.slack.botTokens({ teamId: 'T0001' });
    expect(token).toMatch(/^xoxb-T0001-/);
    const stored = await h.store.installations.installationForTeam('T0001');
    expect(stored).toMatchObject({ teamId: 'T0001', botToken: token, installerUserId: 'UJOHN' });
    // Bolt checked the new token with auth.test, using that token.
    expect(h.slack.callsTo('auth.test').map((call) => call.token)).toContain(token);
    const files = [h.databasePath, `${h.databasePath}-wal`].filter((f) => fs.existsSync(f));
    const bytes = Buffer.concat(files.map((f) => fs.readFileSync(f)));
    expect(bytes.includes(token ?? 'no token')).toBe(false);

    const me = await commandIn(h, A, PEOPLE.ana.id, 'me');
    expect(me.text).toMatch(/connect|link/i);
    expect(h.logs.join('')).not.toContain(token);
  });

  it('installs nothing from a redirect without the state cookie, or with another browser’s', async () => {
    const bare = await installApp(h, { teamId: 'T0001', userId: PEOPLE.john.id }, { cookie: null });
    expect(bare.status).toBe(400);
    expect(bare.html).toContain('Nothing was installed');

    const first = await fetch(`${h.appUrl}/slack/install`, { redirect: 'manual' });
    const otherCookie = first.headers.get('set-cookie')?.split(';')[0] ?? '';
    await first.body?.cancel();
    const swapped = await installApp(
      h,
      { teamId: 'T0001', userId: PEOPLE.john.id },
      { cookie: otherCookie },
    );
    expect(swapped.status).toBe(400);

    expect(await h.store.installations.installationForTeam('T0001')).toBeNull();
    // Refused before the code was exchanged: Slack never issued a token.
    expect(h.slack.callsTo('oauth.v2.access')).toEqual([]);
    expect(h.slack.botTokens({ teamId: 'T0001' })).toEqual([]);
    expect(await answered(h, A, PEOPLE.ana.id)).toBe(false);
  });

  it('installs nothing from a state it did not sign, even with a cookie to match', async () => {
    const start = await fetch(`${h.appUrl}/slack/install`, { redirect: 'manual' });
    await start.body?.cancel();
    const back = new URL(
      await h.slack.approveInstall(start.headers.get('location') ?? '', {
        teamId: 'T0001',
        userId: PEOPLE.john.id,
      }),
    );
    const state = forgedState();
    back.searchParams.set('state', state);
    const answer = await fetch(back, {
      redirect: 'manual',
      headers: { cookie: `slack-app-oauth-state=${state}` },
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('Nothing was installed');
    expect(h.slack.callsTo('oauth.v2.access')).toEqual([]);
    expect(await h.store.installations.installationForTeam('T0001')).toBeNull();
    expect(h.logs.join('')).toMatch(/Slack install not completed/);
    // Turned away at warn, not as a fault of the app.
    expect(h.logs.filter((line) => /"level":50/.test(line))).toEqual([]);
  });

  it('installs nothing when the installer cancels at Slack', async () => {
    const run = await installApp(h, { teamId: 'T0001', userId: PEOPLE.john.id, deny: true });
    expect(run.status).toBe(400);
    expect(await h.store.installations.installationForTeam('T0001')).toBeNull();
  });
});
