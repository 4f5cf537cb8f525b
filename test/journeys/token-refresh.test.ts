import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { postSlashCommand } from '../../src/slack-stand-in';
import {
  freePort,
  type Harness,
  isProgress,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const member = { teamId: TEAM_ID, userId: PEOPLE.ana.id };

describe('token refresh: one at a time per link, new pair stored before use', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('50 concurrent commands with an expired token cause exactly one refresh, and all answer', async () => {
    // Linking already spends two Light requests (the Home tab's numbers and forwarding), so 50
    // more would overrun RingCentral's default 50 a minute and the app would rightly hold two
    // back: this account's Light limit is 100, as its headers say.
    h = await startHarness({ sandbox: { rateLimits: { Light: 100 } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const before = await h.links.getLink(member);
    h.sandbox.expireAccessTokens();

    const replies = await Promise.all(
      Array.from({ length: 50 }, () => h.command(PEOPLE.ana.id, 'forwarding')),
    );

    expect(h.sandbox.refreshCount()).toBe(1);
    expect(h.sandbox.spentRefreshTokenReuse()).toBe(0);
    for (const reply of replies) expect(shown(reply)).toContain('+1 650 555 0123');
    const after = await h.links.getLink(member);
    expect(after?.version).toBeGreaterThan(before?.version ?? 0);
    expect(after?.tokens.refreshToken).not.toBe(before?.tokens.refreshToken);
  });

  it('refreshes ahead of expiry, and a refused refresh token asks the member to link again', async () => {
    h = await startHarness({ sandbox: { accessTokenTtlSec: 30 } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    // Linking publishes the Home tab, which itself refreshes the 30-second token once.
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
    const refreshesBefore = h.sandbox.refreshCount();
    // 30 s left is inside the 60 s margin: the next command refreshes first, and the new pair
    // lives its full lifetime again (not the 30 s the old one had left).
    h.sandbox.setTokenLifetimes({ accessTokenTtlSec: 3600 });
    await h.command(PEOPLE.ana.id, 'forwarding');
    expect(h.sandbox.refreshCount() - refreshesBefore).toBe(1);
    const renewed = await h.links.getLink(member);
    expect((renewed?.tokens.accessTokenExpiresAt ?? 0) - Date.now()).toBeGreaterThan(3000_000);
    expect((renewed?.tokens.refreshTokenExpiresAt ?? 0) - Date.now()).toBeGreaterThan(
      6 * 86400_000,
    );

    h.sandbox.faults.next({ status: 400, path: /oauth\/token/, errorCode: 'OAU-211' });
    h.sandbox.expireAccessTokens();
    const link = await h.links.getLink(member);
    // Make the stored refresh token one the sandbox no longer knows: a revoked session.
    await fetch(`${h.sandbox.url}/restapi/oauth/revoke`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${h.sandbox.clientId}:${h.sandbox.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: link?.tokens.refreshToken ?? '' }),
    });
    h.sandbox.faults.clear();
    const reply = await h.command(PEOPLE.ana.id, 'forwarding');
    expect(JSON.stringify(reply.blocks)).toContain('/oauth/ringcentral/start?t=');
    expect(reply.text + JSON.stringify(reply.blocks)).toMatch(
      /no longer accepts|link again|reconnect/i,
    );
    expect((await h.links.getLink(member))?.status).toBe('broken');
  });
});

describe('two app processes sharing one database', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGTERM');
  });

  function startProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      ['--import', require.resolve('tsx'), path.join(__dirname, '../support/app-process.ts')],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    return new Promise((resolve, reject) => {
      let errors = '';
      child.stderr?.on('data', (chunk) => {
        errors += String(chunk);
      });
      child.stdout?.on('data', (chunk) => {
        if (String(chunk).includes('ready')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`app process exited ${code}: ${errors}`)));
    });
  }

  it('never spend the same refresh token twice', async () => {
    const h = await startHarness();
    try {
      await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
      await h.app.stop();
      h.sandbox.expireAccessTokens();
      const ports = [await freePort(), await freePort()];
      const env = (port: number) => ({
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_API_URL: h.slack.url,
        RC_CLIENT_ID: h.sandbox.clientId,
        RC_CLIENT_SECRET: h.sandbox.clientSecret,
        RC_SERVER_URL: h.sandbox.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: `sqlite:${h.databasePath}`,
        TOKEN_ENCRYPTION_KEY: h.encryptionKey,
      });
      await Promise.all(ports.map((port) => startProcess(env(port))));

      let sequence = 0;
      const ask = async (port: number) => {
        const id = `multi-${port}-${++sequence}`;
        const sent = await postSlashCommand(`http://127.0.0.1:${port}`, SIGNING_SECRET, {
          text: 'forwarding',
          user_id: PEOPLE.ana.id,
          team_id: TEAM_ID,
          response_url: h.slack.responseUrl(id),
        });
        expect(sent.status).toBe(200);
        return (await h.slack.waitForResponse(id, (body) => !isProgress(body), 20_000)).body;
      };
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => ask(ports[i % 2] as number)),
      );

      for (const reply of replies) expect(shown(reply)).toContain('+1 650 555 0123');
      expect(h.sandbox.refreshCount()).toBe(1);
      expect(h.sandbox.spentRefreshTokenReuse()).toBe(0);
      expect(fs.existsSync(h.databasePath)).toBe(true);
    } finally {
      for (const child of children.splice(0)) child.kill('SIGTERM');
      await h.close();
    }
  }, 60_000);
});
