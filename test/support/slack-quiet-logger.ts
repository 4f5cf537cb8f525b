// A @slack/logger Logger that keeps errors in a list instead of printing them, for clients and
// Bolt apps under test whose expected failures would otherwise fill the jest output.
import { type Logger, LogLevel } from '@slack/bolt';

export function quietLogger(errors: string[] = []): Logger {
  let level = LogLevel.ERROR;
  return {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (...messages: unknown[]) => {
      errors.push(messages.map(String).join(' '));
    },
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
