import { z } from 'zod';
import { PATHS } from '../paths';
import {
  type EventsMode,
  eventsMode,
  isThirtyTwoByteBase64,
  KEY_HINT,
  slackModeProblems,
} from './rules';

/** Everything the app reads from the environment, validated once at start-up. */
export interface Config {
  slack: {
    signingSecret: string | undefined;
    /** SLACK_BOT_TOKEN: one workspace, this token. Unset when `install` is set. */
    botToken: string | undefined;
    /**
     * SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET: Slack's install flow, many
     * workspaces, each with its own bot token. Unset when `botToken` is set.
     */
    install: SlackInstallConfig | undefined;
    appToken: string | undefined;
    apiUrl: string;
  };
  ringcentral: {
    clientId: string;
    clientSecret: string;
    serverUrl: string;
    redirectUri: string;
  };
  publicUrl: string;
  port: number;
  host: string;
  databaseUrl: string;
  tokenEncryptionKey: string;
  logLevel: LogLevel;
  /** Whether welcome DMs and `onboard` prompts also go to guests (ONBOARD_GUESTS). */
  onboardGuests: boolean;
  /** Upper bound of the answers cached per identity, all identities together (CACHE_MAX_MB). */
  cacheMaxBytes: number;
  /** When set, GET /metrics needs `Authorization: Bearer <it>` (METRICS_TOKEN). */
  metricsToken: string | undefined;
  linking: {
    /**
     * LINK_EMAIL_MATCH: `required`, a link needs the RingCentral extension's email to equal the
     * Slack member's; `confirm`, a mismatch is linked only after a second page naming both sides.
     */
    emailMatch: EmailMatch;
    /** RC_ACCOUNT_ID: the one RingCentral account links may come from; unset, the first link's. */
    accountId: string | undefined;
  };
  /** How long the audit trail keeps each channel share (AUDIT_RETENTION_DAYS). */
  auditRetentionDays: number;
  /**
   * How RingCentral tells the app that cached answers went stale (RC_EVENTS): webhook
   * subscriptions to `$PUBLIC_URL`, WebSocket subscriptions the app opens itself (where
   * RingCentral cannot reach it), or none (answers then age out by time alone).
   */
  ringcentralEvents: EventsMode;
  /**
   * Base of RingCentral's call link behind "Call" buttons (CALL_LINK_URL); null when they are
   * switched off (CALL_BUTTON=false).
   */
  callLinkUrl: string | null;
}

export interface SlackInstallConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Where Slack sends the browser back after an install: $PUBLIC_URL/slack/oauth_redirect. */
  redirectUri: string;
  /** Slack's authorize page, beside the Web API (so a local stand-in plays it in tests). */
  authorizeUrl: string;
}

export type EmailMatch = 'required' | 'confirm';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Thrown when the environment cannot run the app; each problem is one line naming the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const url = (name: string) =>
  z.string().refine((value) => /^https?:\/\/[^\s/]+/.test(value), {
    message: `${name} must be an http(s) URL`,
  });

const schema = z.object({
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'SLACK_BOT_TOKEN must start with xoxb- (the Bot User OAuth Token)')
    .optional(),
  SLACK_CLIENT_ID: z
    .string()
    .trim()
    .regex(
      /^\d+\.\d+$/,
      'SLACK_CLIENT_ID must be the Client ID from Basic Information, like 1234.5678',
    )
    .optional(),
  SLACK_CLIENT_SECRET: z.string().trim().min(1).optional(),
  SLACK_STATE_SECRET: z
    .string()
    .min(32, `SLACK_STATE_SECRET must be at least 32 characters; ${KEY_HINT}`)
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'SLACK_APP_TOKEN must start with xapp- (an app-level token for Socket Mode)')
    .optional(),
  SLACK_API_URL: url('SLACK_API_URL').default('https://slack.com/api/'),
  RC_CLIENT_ID: z.string({ message: 'RC_CLIENT_ID is not set: the RingCentral app’s client id' }),
  RC_CLIENT_SECRET: z.string({
    message: 'RC_CLIENT_SECRET is not set: the RingCentral app’s client secret',
  }),
  RC_SERVER_URL: url('RC_SERVER_URL').default('https://platform.ringcentral.com'),
  RC_ACCOUNT_ID: z
    .string()
    .trim()
    .regex(
      /^\d{1,20}$/,
      'RC_ACCOUNT_ID must be the RingCentral account id, digits only (the `id` that GET /restapi/v1.0/account/~ answers)',
    )
    .optional(),
  LINK_EMAIL_MATCH: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(
      z.enum(['required', 'confirm'], {
        message: 'LINK_EMAIL_MATCH must be required or confirm',
      }),
    )
    .default('required'),
  PUBLIC_URL: url('PUBLIC_URL').optional(),
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(sqlite:|postgres(ql)?:\/\/)/,
      'DATABASE_URL must be sqlite:<path> or postgres://user:pass@host/db',
    )
    .default('sqlite:./data/rcnumber.sqlite'),
  TOKEN_ENCRYPTION_KEY: z
    .string({ message: `TOKEN_ENCRYPTION_KEY is not set: ${KEY_HINT}` })
    .refine((value) => value.split(',').every(isThirtyTwoByteBase64), {
      message: `TOKEN_ENCRYPTION_KEY must be base64 of 32 random bytes; ${KEY_HINT}`,
    }),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  CACHE_MAX_MB: z.coerce
    .number({ message: 'CACHE_MAX_MB must be a number of megabytes, like 256' })
    .int('CACHE_MAX_MB must be a whole number of megabytes')
    .min(8, 'CACHE_MAX_MB must be at least 8')
    .max(65536, 'CACHE_MAX_MB must be at most 65536')
    .default(256),
  METRICS_TOKEN: z
    .string()
    .min(16, 'METRICS_TOKEN must be at least 16 characters (a long random string)')
    .optional(),
  AUDIT_RETENTION_DAYS: z.coerce
    .number({ message: 'AUDIT_RETENTION_DAYS must be a number of days, like 90' })
    .int('AUDIT_RETENTION_DAYS must be a whole number of days')
    .min(1, 'AUDIT_RETENTION_DAYS must be at least 1')
    .max(3650, 'AUDIT_RETENTION_DAYS must be at most 3650')
    .default(90),
  RC_EVENTS: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(
      z.enum(['auto', 'webhook', 'websocket', 'off'], {
        message: 'RC_EVENTS must be auto, webhook, websocket or off',
      }),
    )
    .default('auto'),
  ONBOARD_GUESTS: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(
      z.enum(['true', 'false', '1', '0', 'yes', 'no'], {
        message: 'ONBOARD_GUESTS must be true or false',
      }),
    )
    .default('false'),
  CALL_BUTTON: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(
      z.enum(['true', 'false', '1', '0', 'yes', 'no'], {
        message: 'CALL_BUTTON must be true or false',
      }),
    )
    .default('true'),
  CALL_LINK_URL: url('CALL_LINK_URL').default('https://app.ringcentral.com/r/call'),
});

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  // HTTP mode needs the signing secret, and every mode a way to reach Slack; said alongside any
  // other problem, so one run lists all.
  const secretProblem =
    cleaned.SLACK_APP_TOKEN || cleaned.SLACK_SIGNING_SECRET
      ? []
      : [
          'SLACK_SIGNING_SECRET is not set: copy the Signing Secret from the Slack app’s Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)',
        ];
  const early = [...secretProblem, ...slackModeProblems(cleaned)];
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new ConfigError([...new Set([...early, ...problems])]);
  }
  if (early.length > 0) throw new ConfigError(early);
  const values = parsed.data;
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  const apiUrl = values.SLACK_API_URL.endsWith('/')
    ? values.SLACK_API_URL
    : `${values.SLACK_API_URL}/`;
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret } = values;
  const stateSecret = values.SLACK_STATE_SECRET;
  return {
    slack: {
      signingSecret: values.SLACK_SIGNING_SECRET,
      botToken: values.SLACK_BOT_TOKEN,
      install:
        clientId && clientSecret && stateSecret
          ? {
              clientId,
              clientSecret,
              stateSecret,
              redirectUri: `${publicUrl}${PATHS.slackOAuthRedirect}`,
              authorizeUrl: new URL('../oauth/v2/authorize', apiUrl).toString(),
            }
          : undefined,
      appToken: values.SLACK_APP_TOKEN,
      apiUrl,
    },
    ringcentral: {
      clientId: values.RC_CLIENT_ID,
      clientSecret: values.RC_CLIENT_SECRET,
      serverUrl: values.RC_SERVER_URL.replace(/\/+$/, ''),
      redirectUri: `${publicUrl}${PATHS.oauthCallback}`,
    },
    publicUrl,
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    tokenEncryptionKey: values.TOKEN_ENCRYPTION_KEY,
    logLevel: values.LOG_LEVEL,
    onboardGuests: ['true', '1', 'yes'].includes(values.ONBOARD_GUESTS),
    cacheMaxBytes: values.CACHE_MAX_MB * 1024 * 1024,
    metricsToken: values.METRICS_TOKEN,
    linking: { emailMatch: values.LINK_EMAIL_MATCH, accountId: values.RC_ACCOUNT_ID },
    auditRetentionDays: values.AUDIT_RETENTION_DAYS,
    ringcentralEvents: eventsMode(values.RC_EVENTS, publicUrl, values.SLACK_APP_TOKEN),
    callLinkUrl: ['true', '1', 'yes'].includes(values.CALL_BUTTON) ? values.CALL_LINK_URL : null,
  };
}
