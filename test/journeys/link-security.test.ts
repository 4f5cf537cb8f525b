import fs from 'node:fs';
import { startSandbox } from '../../src/sandbox/server';
import { postSigned } from '../../src/slack-stand-in';
import {
  type Harness,
  linkUrlOf,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };

async function promptUrl(h: Harness, userId: string): Promise<URL> {
  return new URL(await h.authorizeUrl(linkUrlOf(await h.command(userId, 'link')) ?? ''));
}

describe('the OAuth callback refuses what it should and stores nothing', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const callback = (query: string) =>
    fetch(`${h.appUrl}/oauth/ringcentral/callback?${query}`).then(async (r) => ({
      status: r.status,
      html: await r.text(),
    }));

  it('refuses a forged state', async () => {
    const page = await callback('code=abc&state=forged-state-value');
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/expired|already used/i);
    expect(await h.links.getLink(ana)).toBeNull();
  });

  it('refuses a replayed callback and keeps the first link', async () => {
    const url = await promptUrl(h, PEOPLE.ana.id);
    const redirect = await h.sandbox.approve(url.toString(), 'ana.ruiz@example.com');
    expect((await h.openCallback(redirect)).status).toBe(200);
    const first = await h.links.getLink(ana);
    const replay = await h.openCallback(redirect);
    expect(replay.status).toBe(400);
    expect(await h.links.getLink(ana)).toEqual(first);
  });

  it('refuses a callback without a code, and a denied consent, storing nothing', async () => {
    const url = await promptUrl(h, PEOPLE.ana.id);
    const noCode = await callback(`state=${url.searchParams.get('state')}`);
    expect(noCode.status).toBe(400);
    const denied = await h.sandbox.approve(
      (await promptUrl(h, PEOPLE.ana.id)).toString(),
      'ana.ruiz@example.com',
      { deny: true },
    );
    const page = await h.openCallback(denied);
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/not granted|cancelled/i);
    expect(await h.links.getLink(ana)).toBeNull();
  });

  it('refuses an expired state', async () => {
    const url = await promptUrl(h, PEOPLE.ana.id);
    const state = url.searchParams.get('state') ?? '';
    expect(await h.links.consumeOAuthState(state, Date.now() + 11 * 60_000)).toBeNull();
    const redirect = await h.sandbox.approve(url.toString(), 'ana.ruiz@example.com');
    expect((await h.openCallback(redirect)).status).toBe(400);
    expect(await h.links.getLink(ana)).toBeNull();
  });

  it('refuses a code issued to another RingCentral app', async () => {
    const other = await startSandbox({
      rateLimits: false,
      clients: [{ clientId: 'someone-else', clientSecret: 'their-secret', redirectUris: [] }],
    });
    try {
      const url = await promptUrl(h, PEOPLE.ana.id);
      const foreign = new URL(url);
      foreign.searchParams.set('client_id', 'someone-else');
      const stolen = new URL(
        await other.approve(
          `${other.url}/restapi/oauth/authorize${foreign.search}`,
          'ana.ruiz@example.com',
        ),
      );
      const page = await h.openCallback(
        `${h.appUrl}/oauth/ringcentral/callback?code=${stolen.searchParams.get('code')}&state=${url.searchParams.get('state')}`,
      );
      expect(page.status).toBe(502);
      expect(await h.links.getLink(ana)).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('never links whoever signed in, nor the member who asked, to another person’s extension', async () => {
    const url = await promptUrl(h, PEOPLE.ana.id);
    const redirect = await h.sandbox.approve(url.toString(), 'ben.okafor@example.com');
    expect((await h.openCallback(redirect)).status).toBe(403);
    // The state is bound to Ana, so Ben's Slack account is never touched; and Ben's extension
    // is not Ana's, so hers stays unlinked too.
    expect(await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ben.id })).toBeNull();
    expect(await h.links.getLink(ana)).toBeNull();
  });
});

describe('what is kept, and what is never written down', () => {
  it('keeps the link across a restart, holds no token in plain text, and logs none', async () => {
    const h = await startHarness();
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.command(PEOPLE.ana.id, 'numbers');
    const link = await h.links.getLink(ana);
    const tokens = [link?.tokens.accessToken ?? 'x', link?.tokens.refreshToken ?? 'x'];
    await h.close();

    for (const file of [h.databasePath, `${h.databasePath}-wal`]) {
      if (!fs.existsSync(file)) continue;
      const bytes = fs.readFileSync(file).toString('latin1');
      for (const token of tokens) expect(bytes.includes(token)).toBe(false);
    }
    const logs = h.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const token of tokens) expect(logs.includes(token)).toBe(false);
    expect(logs).not.toContain('/oauth/ringcentral/start?t=');

    const again = await startHarness({
      databasePath: h.databasePath,
      env: { TOKEN_ENCRYPTION_KEY: h.encryptionKey },
      existingSandbox: h.sandbox,
    });
    try {
      const me = await again.command(PEOPLE.ana.id, 'me');
      expect(shown(me)).toContain('Ana Ruiz');
    } finally {
      await again.close();
      await h.sandbox.close();
    }
  });
});

describe('Slack requests must be signed and fresh', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const body = 'command=%2Frcnumber&text=help&user_id=UANA&team_id=T0001&channel_id=C0001';

  it('answers 401 to unsigned, badly signed and stale requests, and runs nothing', async () => {
    const type = 'application/x-www-form-urlencoded';
    expect(
      (await postSigned(h.appUrl, SIGNING_SECRET, body, type, { signature: 'v0=00' })).status,
    ).toBe(401);
    expect((await postSigned(h.appUrl, 'wrong-secret', body, type)).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(
      (await postSigned(h.appUrl, SIGNING_SECRET, body, type, { timestampSec: stale })).status,
    ).toBe(401);
    const unsigned = await fetch(`${h.appUrl}/slack/events`, {
      method: 'POST',
      headers: { 'Content-Type': type },
      body,
    });
    expect(unsigned.status).toBe(401);
    expect(h.slack.responses().length).toBe(0);
  });

  it('answers a signed /rcnumber help with the usage, and /healthz with ok', async () => {
    const reply = await h.command(PEOPLE.ana.id, 'help');
    expect(shown(reply)).toContain('/rcnumber ext');
    const health = await fetch(`${h.appUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('answers /healthz with 503 when the store does not answer', async () => {
    const local = await startHarness({ existingSandbox: h.sandbox });
    await local.store.close();
    const health = await fetch(`${local.appUrl}/healthz`);
    expect(health.status).toBe(503);
    await local.app.stop();
    await local.slack.close();
  });
});
