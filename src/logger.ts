import pino from 'pino';
import type { LogLevel } from './config';

export type AppLogger = pino.Logger;

/**
 * Structured JSON logs. Anything that looks like a credential is redacted by path, and the
 * RingCentral and Slack layers never pass tokens to the logger in the first place.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): AppLogger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'rcnumber' },
    redact: {
      paths: [
        '*.access_token',
        '*.refresh_token',
        '*.accessToken',
        '*.refreshToken',
        '*.token',
        '*.code',
        '*.code_verifier',
        '*.codeVerifier',
        '*.authorization',
        '*.headers.authorization',
        'access_token',
        'refresh_token',
        'token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
