import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { BackgroundWork } from './background-work';
import { ValueSigner } from './blocks/signed-values';
import type { Config } from './config';
import { IdentityCache, type IdentityCacheOptions } from './directory';
import { ReminderScheduler, type ReminderSchedulerOptions } from './flows/reminder-scheduler';
import { connectPageRoute } from './http/connect-page';
import { healthRoute } from './http/health';
import { metricsRoute } from './http/metrics';
import { oauthCallbackRoute } from './http/oauth-callback';
import { registerListeners } from './listeners';
import type { AppLogger } from './logger';
import { Metrics, timeSlackAcks } from './metrics';
import { PATHS } from './paths';
import { ConnectTokenSigner } from './ringcentral/connect-token';
import type { IdentityChanged } from './ringcentral/fresh-identity';
import { RingCentralOAuth } from './ringcentral/oauth';
import { RateBudget, type RateBudgetOptions } from './ringcentral/rate-budget';
import { RingCentralSessions } from './ringcentral/sessions';
import { TokenRefresher } from './ringcentral/token-refresher';
import { identityKeyOf } from './ringcentral/user-session';
import type { Services } from './services';
import { boltLogger } from './slack/bolt-logger';
import { SlackPeople } from './slack/people';
import type { Store } from './store/types';

export interface AppDeps {
  config: Config;
  store: Store;
  logger: AppLogger;
  now?: () => number;
  cache?: IdentityCacheOptions;
  rateBudget?: RateBudgetOptions;
  reminders?: ReminderSchedulerOptions;
}

export interface RcNumberApp {
  bolt: App;
  services: Services;
  /** Starts listening; resolves with the bound port (useful with PORT=0). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** Sends the reminders due now (what the scheduler does each minute); resolves with how many. */
  runDueReminders(): Promise<number>;
}

/**
 * For the app's own Slack client (DMs, Home tabs, onboarding look-ups). It waits out every 429's
 * Retry-After by itself, pausing its whole queue, then retries; the backoff here only spaces
 * retries after network errors and 5xx, and gives up within about a minute instead of the
 * default half hour, since a person is waiting. Bolt's own client keeps its defaults: its
 * start-up auth.test is a promise nobody awaits until the first request.
 */
const SLACK_RETRIES = {
  retries: 8,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 10_000,
  randomize: true,
};

/**
 * The composition root: builds the RingCentral and Slack collaborators from configuration and
 * wires them into Bolt. Nothing here runs at import time.
 */
export function createApp(deps: AppDeps): RcNumberApp {
  const { config, store, logger } = deps;
  const now = deps.now ?? Date.now;
  const credentials = { ...config.ringcentral };
  const cache = new IdentityCache({ now, maxBytes: config.cacheMaxBytes, ...deps.cache });
  // RingCentral describes a member otherwise now (promoted, demoted, renamed): the answers
  // cached under the identity they had go, loads still in flight included.
  const identityChanged: IdentityChanged = (member, before, after) => {
    cache.forgetIdentity(identityKeyOf(before));
    const { teamId, userId } = member;
    logger.info(
      { teamId, userId, wasAdmin: before.isAdmin, isAdmin: after.isAdmin },
      'identity changed',
    );
  };
  const refresher = new TokenRefresher(store.links, credentials, logger, identityChanged);
  const budget = new RateBudget(deps.rateBudget);
  const slack = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: boltLogger(logger),
    retryConfig: SLACK_RETRIES,
  });
  const metrics = new Metrics({
    linkCounts: () => store.links.countLinks(),
    cache: () => ({ ...cache.lookups, bytes: cache.totalBytes, entries: cache.size }),
  });
  const services: Services = {
    config,
    store,
    links: store.links,
    members: store.members,
    logger,
    credentials,
    oauth: new RingCentralOAuth(store.links, credentials, now),
    connectTokens: new ConnectTokenSigner(config.tokenEncryptionKey),
    values: new ValueSigner(config.tokenEncryptionKey),
    sessions: new RingCentralSessions(store.links, credentials, refresher, budget, identityChanged),
    cache,
    people: new SlackPeople(slack),
    slack,
    now,
    metrics,
    background: new BackgroundWork(),
  };
  const reminders = new ReminderScheduler(services, deps.reminders);

  const customRoutes = [
    connectPageRoute(services),
    oauthCallbackRoute(services),
    healthRoute(services),
    metricsRoute(services),
  ];
  const bolt = new App({
    token: config.slack.botToken,
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: config.slack.apiUrl },
    receiver: config.slack.appToken
      ? new SocketModeReceiver({
          appToken: config.slack.appToken,
          customRoutes,
          installerOptions: { port: config.port },
          logger: boltLogger(logger),
        })
      : new HTTPReceiver({
          signingSecret: config.slack.signingSecret ?? '',
          endpoints: PATHS.slackEvents,
          customRoutes,
          logger: boltLogger(logger),
          processBeforeResponse: false,
        }),
  });
  // Every listener's work is tracked: a deploy's SIGTERM waits for answers (and token
  // refreshes) already under way instead of cutting them off between spending a refresh token
  // and storing its successor.
  bolt.use(async ({ next }) => {
    await services.background.track(next());
  });
  registerListeners(bolt, services);
  bolt.error(async (error) => {
    logger.error({ code: error.code, message: error.message }, 'unhandled listener error');
  });

  let server: import('node:http').Server | undefined;
  return {
    bolt,
    services,
    async start() {
      reminders.start();
      if (config.slack.appToken) {
        await bolt.start();
        return { port: config.port };
      }
      server = (await bolt.start({
        port: config.port,
        host: config.host,
      })) as import('node:http').Server;
      timeSlackAcks(server, PATHS.slackEvents, metrics);
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    async stop() {
      await reminders.stop();
      await bolt.stop().catch(() => undefined);
      await services.background.idle();
    },
    runDueReminders: () => reminders.runDue(),
  };
}
