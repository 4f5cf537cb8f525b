import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { TokenCipher } from '../../src/store';

const valid = {
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_BOT_TOKEN: 'xoxb-1',
  RC_CLIENT_ID: 'id',
  RC_CLIENT_SECRET: 'shh',
  TOKEN_ENCRYPTION_KEY: TokenCipher.generateKey(),
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

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
