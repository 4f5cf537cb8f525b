// CALL_BUTTON and CALL_LINK_URL: Call buttons open RingCentral's documented call link by
// default, another base when configured, and none when switched off.
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

describe('the Call button settings', () => {
  it('default to RingCentral’s documented call link', () => {
    expect(loadConfig(valid).callLinkUrl).toBe('https://app.ringcentral.com/r/call');
  });

  it('take another base, and switch off', () => {
    const base = 'https://ringcentral.example.com/r/call?source=slack';
    expect(loadConfig({ ...valid, CALL_LINK_URL: base }).callLinkUrl).toBe(base);
    for (const off of ['false', 'FALSE', '0', 'no']) {
      expect(loadConfig({ ...valid, CALL_BUTTON: off }).callLinkUrl).toBeNull();
    }
    expect(loadConfig({ ...valid, CALL_BUTTON: ' yes ' }).callLinkUrl).not.toBeNull();
  });

  it('refuse a base that is no web address, and a Call switch that is no yes or no', () => {
    expect(problems({ ...valid, CALL_LINK_URL: 'javascript:alert(1)' })).toEqual([
      'CALL_LINK_URL must be an http(s) URL',
    ]);
    expect(problems({ ...valid, CALL_BUTTON: 'sometimes' })).toEqual([
      'CALL_BUTTON must be true or false',
    ]);
  });
});
