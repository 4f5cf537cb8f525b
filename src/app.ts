import { randomUUID } from 'node:crypto';
import { App, ErrorCode, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { BackgroundWork } from './background-work';
import type { SplitLimits } from './blocks/csv';
import { ValueSigner } from './blocks/signed-values';
import type { Config } from './config';
import { IdentityCache, type IdentityCacheOptions } from './directory';
import { noticeIfBroken } from './flows/broken-link';
import { eventCounts, MemoryCounters } from './flows/counters';
import { closeEventSockets, refreshEventSocket, syncEventSockets } from './flows/event-sockets';
import { type SubscriptionTiming, subscriptionUpkeep } from './flows/event-subscriptions';
import { ReminderScheduler, type ReminderSchedulerOptions } from './flows/reminder-scheduler';
import { purgeStaleNotices, StaleNoticeFollower } from './flows/stale-answers';
import { purgeAudit, type UpkeepOptions, UpkeepScheduler } from './flows/upkeep-scheduler';
import { connectPageRoute } from './http/connect-page';
import { healthRoute } from './http/health';
import { installPages } from './http/install-pages';
import { linkConfirmRoute } from './http/link-confirm-route';
import { metricsRoute } from './http/metrics';
import { oauthCallbackRoute } from './http/oauth-callback';
import { ringcentralEventsRoute } from './http/ringcentral-events';
import { registerListeners } from './listeners';
import type { AppLogger } from './logger';
import { Metrics, timeSlackAcks } from './metrics';
import { PATHS } from './paths';
import { BrowserBindingKey } from './ringcentral/browser-binding-key';
import { ConnectTokens } from './ringcentral/connect-token';
import type { SocketTiming } from './ringcentral/event-socket';
import { EventSocketPool } from './ringcentral/event-sockets';
import type { IdentityChanged } from './ringcentral/fresh-identity';
import { RingCentralOAuth } from './ringcentral/oauth';
import type { RateBudgetOptions } from './ringcentral/rate-budget';
import { RingCentralSessions } from './ringcentral/sessions';
import { SharedRateBudget } from './ringcentral/shared-rate-budget';
import { type LinkBroken, TokenRefresher } from './ringcentral/token-refresher';
import { identityKeyOf } from './ringcentral/user-session';
import type { Services } from './services';
import { boltLogger } from './slack/bolt-logger';
import { SLACK_RETRIES, SLACK_TIMEOUT_MS } from './slack/client-options';
import { InstalledClients, singleWorkspaceClients } from './slack/clients';
import { SlackPeople } from './slack/people';
import { BOT_SCOPES } from './slack/scopes';
import type { Store } from './store/types';

export interface AppDeps {
  config: Config;
  store: Store;
  logger: AppLogger;
  now?: () => number;
  cache?: IdentityCacheOptions;
  rateBudget?: RateBudgetOptions;
  reminders?: ReminderSchedulerOptions;
  /** How long one RingCentral request may take (default 15 s); tests of hangs shorten it. */
  ringcentralTimeoutMs?: number;
  /** Slack calls and response_url posts: how long one may take (default 10 s), retries. */
  slack?: { timeoutMs?: number; retries?: number; retryPauseMs?: number };
  exports?: Partial<SplitLimits>;
  upkeep?: UpkeepOptions;
  events?: SubscriptionTiming;
  /** Retry waits and heartbeat of WebSocket subscriptions (tests shorten them). */
  eventSockets?: SocketTiming;
}

/**
 * An export file holds at most this many rows: it opens quickly in any spreadsheet (Excel stops
 * at 1,048,576) and stays far below Slack's upload limit. Ten parts cover a million numbers.
 */
const EXPORT_LIMITS: SplitLimits = { maxRowsPerFile: 100_000, maxFiles: 10 };

export interface RcNumberApp {
  bolt: App;
  services: Services;
  /** Starts listening; resolves with the bound port (useful with PORT=0). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** Sends the reminders due now (what the scheduler does each minute); resolves with how many. */
  runDueReminders(): Promise<number>;
  /** One round of upkeep now (audit retention, event subscriptions), as each minute brings. */
  runUpkeep(): Promise<void>;
}

/**
 * The composition root: builds the RingCentral and Slack collaborators from configuration and
 * wires them into Bolt. Nothing here runs at import time.
 */
export function createApp(deps: AppDeps): RcNumberApp {
  const { config, store, logger } = deps;
  const now = deps.now ?? Date.now;
  const credentials = { ...config.ringcentral, requestTimeoutMs: deps.ringcentralTimeoutMs };
  const cache = new IdentityCache({ now, maxBytes: config.cacheMaxBytes, ...deps.cache });
  // RingCentral describes a member otherwise now (promoted, demoted, renamed): the answers
  // cached under the identity they had go, loads still in flight included, and its socket.
  const identityChanged: IdentityChanged = (member, before, after) => {
    cache.forgetIdentity(identityKeyOf(before));
    services.background.run(refreshEventSocket(services, member));
    const { teamId, userId } = member;
    logger.info(
      { teamId, userId, wasAdmin: before.isAdmin, isAdmin: after.isAdmin },
      'identity changed',
    );
  };
  // A refused refresh (in a command, a Home tab or a background reload) is told to the member
  // at once, by one DM, instead of at their next command.
  const linkBroken: LinkBroken = (member) => {
    services.background.run(noticeIfBroken(services, member));
    services.background.run(closeEventSockets(services, member));
  };
  const metrics = new Metrics({
    linkCounts: () => store.links.countLinks(),
    cache: () => ({ ...cache.lookups, bytes: cache.totalBytes, entries: cache.size }),
    events: () => eventCounts(services.counters),
    eventSockets: () => services.eventSockets.size,
  });
  // One budget per person across every process on this database (RingCentral counts per person).
  const budget = new SharedRateBudget(store.rates, deps.rateBudget);
  const refresher = new TokenRefresher(
    store.links,
    credentials,
    logger,
    identityChanged,
    linkBroken,
    (outcome) => metrics.refreshes.inc({ outcome }),
    budget,
  );
  const slackTimeoutMs = deps.slack?.timeoutMs ?? SLACK_TIMEOUT_MS;
  const slackOptions: WebClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    logger: boltLogger(logger),
    retryConfig: { ...SLACK_RETRIES, retries: deps.slack?.retries ?? SLACK_RETRIES.retries },
    timeout: slackTimeoutMs,
  };
  // Many workspaces: each call reads the member's own workspace's installation. One workspace:
  // the one SLACK_BOT_TOKEN client, exactly as before.
  const installed = config.slack.install
    ? new InstalledClients(store.installations, slackOptions, now)
    : undefined;
  const slackClients =
    installed ?? singleWorkspaceClients(new WebClient(config.slack.botToken, slackOptions));
  const slackFor = (teamId: string) => slackClients.forTeam(teamId);
  const services: Services = {
    config,
    store,
    links: store.links,
    members: store.members,
    installations: store.installations,
    audit: store.audit,
    subscriptions: store.subscriptions,
    logger,
    credentials,
    oauth: new RingCentralOAuth(store.links, credentials, now, budget),
    connectTokens: new ConnectTokens(store.links, now),
    browserBinding: new BrowserBindingKey(config.tokenEncryptionKey),
    values: new ValueSigner(config.tokenEncryptionKey),
    sessions: new RingCentralSessions(
      store.links,
      credentials,
      refresher,
      budget,
      identityChanged,
      (group, status) => metrics.ringcentralRequest(group, status),
    ),
    cache,
    people: new SlackPeople(slackFor),
    slackFor,
    slackClients,
    slackTimeouts: { timeoutMs: slackTimeoutMs, retryPauseMs: deps.slack?.retryPauseMs },
    now,
    metrics,
    background: new BackgroundWork(),
    exportLimits: { ...EXPORT_LIMITS, ...deps.exports },
    counters: new MemoryCounters(),
    staleNotices: store.staleNotices,
    instanceId: randomUUID(),
    eventSockets: new EventSocketPool(deps.eventSockets),
  };
  const reminders = new ReminderScheduler(services, deps.reminders);
  const staleNotices = new StaleNoticeFollower(services);
  const upkeep = new UpkeepScheduler(
    services,
    {
      purgeAudit,
      purgeStaleNotices,
      subscriptions: subscriptionUpkeep(deps.events),
      eventSockets: syncEventSockets,
    },
    deps.upkeep,
  );

  const customRoutes = [
    connectPageRoute(services),
    oauthCallbackRoute(services),
    linkConfirmRoute(services),
    healthRoute(services),
    metricsRoute(services),
    ringcentralEventsRoute(services),
  ];
  // Slack's install flow, served by Bolt itself, when many workspaces are served.
  const install = config.slack.install;
  const oauth =
    install && installed
      ? {
          clientId: install.clientId,
          clientSecret: install.clientSecret,
          stateSecret: install.stateSecret,
          redirectUri: install.redirectUri,
          scopes: [...BOT_SCOPES],
          installationStore: installed.boltStore,
        }
      : {};
  const installer = install
    ? {
        installPath: PATHS.slackInstall,
        redirectUriPath: PATHS.slackOAuthRedirect,
        // Straight to Slack's page: the app has no page of its own before it.
        directInstall: true,
        authorizationUrl: install.authorizeUrl,
        clientOptions: { slackApiUrl: config.slack.apiUrl, timeout: slackTimeoutMs },
        callbackOptions: installPages(services),
      }
    : {};
  const bolt = new App({
    ...(config.slack.botToken ? { token: config.slack.botToken } : {}),
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: config.slack.apiUrl, timeout: slackTimeoutMs },
    receiver: config.slack.appToken
      ? new SocketModeReceiver({
          appToken: config.slack.appToken,
          customRoutes,
          ...oauth,
          installerOptions: { port: config.port, ...installer },
          logger: boltLogger(logger),
        })
      : new HTTPReceiver({
          signingSecret: config.slack.signingSecret ?? '',
          endpoints: PATHS.slackEvents,
          customRoutes,
          ...oauth,
          installerOptions: installer,
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
    // A request from a workspace no installation serves (never installed, or removed): Bolt
    // called no listener; nothing to answer it with.
    if (error.code === ErrorCode.AuthorizationError) {
      logger.warn(
        { code: error.code, message: error.message },
        'request from a workspace without an installation',
      );
      return;
    }
    logger.error({ code: error.code, message: error.message }, 'unhandled listener error');
  });

  let server: import('node:http').Server | undefined;
  return {
    bolt,
    services,
    async start() {
      reminders.start();
      upkeep.start();
      // Only webhook events land on one instance and need telling to the others.
      if (config.ringcentralEvents === 'webhook') await staleNotices.start();
      services.background.run(syncEventSockets(services));
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
      await upkeep.stop();
      await staleNotices.stop();
      await services.eventSockets.stopAll();
      await bolt.stop().catch(() => undefined);
      await services.background.idle();
    },
    runDueReminders: () => reminders.runDue(),
    runUpkeep: () => upkeep.runRound(),
  };
}
