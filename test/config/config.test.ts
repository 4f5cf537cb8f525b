import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { problems, valid } from './env';

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.ringcentral.serverUrl).toBe('https://platform.ringcentral.com');
    expect(config.ringcentral.redirectUri).toBe('http://localhost:3000/oauth/ringcentral/callback');
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.databaseUrl).toBe('sqlite:./data/rcnumber.sqlite');
    expect(config.logLevel).toBe('info');
    expect(config.cacheMaxBytes).toBe(256 * 1024 * 1024);
    expect(config.onboardGuests).toBe(false);
    expect(config.linking).toEqual({ emailMatch: 'required', accountId: undefined });
  });

  it('reads the linking rules: email match and the pinned RingCentral account', () => {
    expect(
      loadConfig({ ...valid, LINK_EMAIL_MATCH: ' Confirm ', RC_ACCOUNT_ID: '159048008' }).linking,
    ).toEqual({
      emailMatch: 'confirm',
      accountId: '159048008',
    });
    expect(problems({ ...valid, LINK_EMAIL_MATCH: 'off' })).toEqual([
      expect.stringMatching(/^LINK_EMAIL_MATCH must be required or confirm/),
    ]);
    expect(problems({ ...valid, RC_ACCOUNT_ID: 'acme' })).toEqual([
      expect.stringMatching(/^RC_ACCOUNT_ID must be the RingCentral account id, digits only/),
    ]);
  });

  it('names each missing or malformed variable on its own line, with the fix', () => {
    expect(problems({})).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_BOT_TOKEN/),
        expect.stringMatching(/^RC_CLIENT_ID/),
        expect.stringMatching(/^RC_CLIENT_SECRET/),
        expect.stringMatching(/^TOKEN_ENCRYPTION_KEY.*randomBytes\(32\)/),
      ]),
    );
    expect(problems({ ...valid, SLACK_BOT_TOKEN: 'xoxp-user' })).toEqual([
      expect.stringMatching(/SLACK_BOT_TOKEN must start with xoxb-/),
    ]);
    expect(problems({ ...valid, TOKEN_ENCRYPTION_KEY: 'short' })).toEqual([
      expect.stringMatching(/TOKEN_ENCRYPTION_KEY must be base64 of 32 random bytes/),
    ]);
    expect(problems({ ...valid, PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT/)]);
    expect(problems({ ...valid, CACHE_MAX_MB: 'lots' })).toEqual([
      expect.stringMatching(/CACHE_MAX_MB must be a number of megabytes/),
    ]);
    expect(problems({ ...valid, METRICS_TOKEN: 'guessable' })).toEqual([
      expect.stringMatching(/METRICS_TOKEN must be at least 16 characters/),
    ]);
    expect(problems({ ...valid, ONBOARD_GUESTS: 'maybe' })).toEqual([
      expect.stringMatching(/ONBOARD_GUESTS must be true or false/),
    ]);
    expect(problems({ ...valid, DATABASE_URL: 'mysql://x' })).toEqual([
      expect.stringMatching(/DATABASE_URL must be sqlite:<path> or postgres:/),
    ]);
    expect(problems({ ...valid, RC_SERVER_URL: 'platform.ringcentral.com' })).toEqual([
      expect.stringMatching(/RC_SERVER_URL must be an http\(s\) URL/),
    ]);
  });

  describe('one workspace or many', () => {
    const { SLACK_BOT_TOKEN: _, ...noToken } = valid;
    const many = {
      ...noToken,
      SLACK_CLIENT_ID: '1234567890.987654321',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters',
    };

    it('serves one workspace with SLACK_BOT_TOKEN, and no install flow', () => {
      const config = loadConfig(valid);
      expect(config.slack.botToken).toBe('xoxb-1');
      expect(config.slack.install).toBeUndefined();
    });

    it('serves many with the client id, secret and state secret, redirected to PUBLIC_URL', () => {
      const config = loadConfig({ ...many, PUBLIC_URL: 'https://rcnumber.example.com/' });
      expect(config.slack.botToken).toBeUndefined();
      expect(config.slack.install).toEqual({
        clientId: '1234567890.987654321',
        clientSecret: 'client-secret',
        stateSecret: many.SLACK_STATE_SECRET,
        redirectUri: 'https://rcnumber.example.com/slack/oauth_redirect',
        authorizeUrl: 'https://slack.com/oauth/v2/authorize',
      });
      // A local Slack stand-in plays the authorize page beside its Web API.
      const local = loadConfig({ ...many, SLACK_API_URL: 'http://127.0.0.1:4000/api' });
      expect(local.slack.install?.authorizeUrl).toBe('http://127.0.0.1:4000/oauth/v2/authorize');
    });

    it('refuses both at once, in one line naming them', () => {
      expect(problems({ ...many, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
        expect.stringMatching(
          /^SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set/,
        ),
      ]);
      expect(problems({ ...valid, SLACK_STATE_SECRET: many.SLACK_STATE_SECRET })).toEqual([
        expect.stringMatching(/^SLACK_BOT_TOKEN and SLACK_STATE_SECRET are both set/),
      ]);
    });

    it('names each missing part of the three, and a weak state secret', () => {
      const { SLACK_CLIENT_SECRET: _s, SLACK_STATE_SECRET: _t, ...onlyId } = many;
      expect(problems(onlyId)).toEqual([
        expect.stringMatching(/^SLACK_CLIENT_SECRET is not set: serving many workspaces needs/),
        expect.stringMatching(/^SLACK_STATE_SECRET is not set: .*randomBytes\(32\)/),
      ]);
      expect(problems({ ...many, SLACK_STATE_SECRET: 'short' })).toEqual([
        expect.stringMatching(/^SLACK_STATE_SECRET must be at least 32 characters/),
      ]);
      expect(problems({ ...many, SLACK_CLIENT_ID: 'my-app' })).toEqual([
        expect.stringMatching(/^SLACK_CLIENT_ID must be the Client ID/),
      ]);
      expect(problems(noToken)).toEqual([
        expect.stringMatching(/^SLACK_BOT_TOKEN is not set: .*or set SLACK_CLIENT_ID/),
      ]);
    });
  });

  it('needs the signing secret in HTTP mode, but not in Socket Mode', () => {
    const { SLACK_SIGNING_SECRET: _, ...withoutSecret } = valid;
    expect(problems(withoutSecret)).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET/)]);
    expect(problems({ ...withoutSecret, SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
  });
});

describe('npm start without configuration', () => {
  it('prints what to set, points at the demo, and exits non-zero', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-start-'));
    const result = spawnSync(
      process.execPath,
      ['--import', require.resolve('tsx'), path.resolve(__dirname, '../../src/main.ts')],
      { cwd: empty, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 20_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SLACK_SIGNING_SECRET/);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(result.stderr).toMatch(/RC_CLIENT_ID/);
    expect(result.stderr).toMatch(/TOKEN_ENCRYPTION_KEY/);
    expect(result.stderr).toMatch(/npm run demo/);
    expect(result.stderr).not.toMatch(/\bat .+\.ts:\d+/);
  });

  it('stops with one clear line when the store cannot be opened', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-start-'));
    fs.writeFileSync(path.join(empty, 'not-a-dir'), 'x');
    const result = spawnSync(
      process.execPath,
      ['--import', require.resolve('tsx'), path.resolve(__dirname, '../../src/main.ts')],
      {
        cwd: empty,
        env: {
          PATH: process.env.PATH ?? '',
          ...valid,
          DATABASE_URL: 'sqlite:./not-a-dir/db.sqlite',
          PORT: '0',
        },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/DATABASE_URL/);
  });
});
