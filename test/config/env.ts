// The smallest environment that loads, and the problems loadConfig reports for another.
import { ConfigError, loadConfig } from '../../src/config';
import { TokenCipher } from '../../src/store';

export const valid = {
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_BOT_TOKEN: 'xoxb-1',
  RC_CLIENT_ID: 'id',
  RC_CLIENT_SECRET: 'shh',
  TOKEN_ENCRYPTION_KEY: TokenCipher.generateKey(),
};

/** The one-line problems `env` is refused with; none when it loads. */
export function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
