import { type Logger, LogLevel } from '@slack/bolt';
import type { AppLogger } from '../logger';

/** How @slack/oauth words the install redirects it refuses. */
const REFUSED_INSTALL =
  /^(InvalidStateError|MissingStateError|MissingCodeError|AuthorizationError: User cancelled)/;

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
    error: (...message: unknown[]) => {
      const text = message.map(String).join(' ');
      // A refused install redirect (no or another browser's state, a cancel) is an attempt
      // turned away, not a fault of the app.
      if (REFUSED_INSTALL.test(text)) child.warn(text);
      else child.error(text);
    },
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
