import { type Logger, LogLevel } from '@slack/bolt';
import type { AppLogger } from '../logger';

/**
 * Bolt and the Slack Web API client log through the app's structured logger, so one stream
 * carries everything. Their debug output is dropped: it includes whole request bodies, and
 * those carry signed Connect URLs.
 */
export function boltLogger(logger: AppLogger): Logger {
  const child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...message: unknown[]) => child.info(message.map(String).join(' ')),
    warn: (...message: unknown[]) => child.warn(message.map(String).join(' ')),
    error: (...message: unknown[]) => child.error(message.map(String).join(' ')),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
