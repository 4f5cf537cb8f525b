import type { WebClient } from '@slack/web-api';
import type { BackgroundWork } from './background-work';
import type { SplitLimits } from './blocks/csv';
import type { ValueSigner } from './blocks/signed-values';
import type { Config } from './config';
import type { IdentityCache } from './directory';
import type { AppLogger } from './logger';
import type { Metrics } from './metrics';
import type { Counters } from './model';
import type { BrowserBindingKey } from './ringcentral/browser-binding-key';
import type { ConnectTokens } from './ringcentral/connect-token';
import type { EventSocketPool } from './ringcentral/event-sockets';
import type { RingCentralOAuth } from './ringcentral/oauth';
import type { RingCentralAppCredentials } from './ringcentral/platform-factory';
import type { RingCentralSessions } from './ringcentral/sessions';
import type { SlackClients } from './slack/clients';
import type { SlackPeople } from './slack/people';
import type {
  AuditStore,
  InstallationsStore,
  LinksStore,
  MembersStore,
  StaleNoticesStore,
  Store,
  SubscriptionsStore,
} from './store/types';

/** What every listener and route reaches its collaborators through: no module singletons. */
export interface Services {
  config: Config;
  /** Only for the health check: opening and closing the database is main's job. */
  store: Pick<Store, 'ping'>;
  links: LinksStore;
  members: MembersStore;
  /** Slack installations (many-workspace mode; empty with SLACK_BOT_TOKEN). */
  installations: InstallationsStore;
  /** The audit trail of channel shares. */
  audit: AuditStore;
  /** Each link's RingCentral event subscription. */
  subscriptions: SubscriptionsStore;
  logger: AppLogger;
  credentials: RingCentralAppCredentials;
  oauth: RingCentralOAuth;
  /** The opaque tokens of Connect buttons, and what each stands for. */
  connectTokens: ConnectTokens;
  /** Signs the cookie that binds a sign-in to the browser that started it. */
  browserBinding: BrowserBindingKey;
  /** Signs and checks button values and modal metadata, each bound to one member. */
  values: ValueSigner;
  sessions: RingCentralSessions;
  cache: IdentityCache;
  /** Slack profiles, each read with the bot token of its own workspace. */
  people: SlackPeople;
  /**
   * The Slack Web API client acting in workspace `teamId`, with that workspace's own bot token
   * (the one SLACK_BOT_TOKEN in single-workspace mode). Every Slack call the app makes on its
   * own (not through a listener's `client`) goes through here, for the member's own team.
   */
  slackFor(teamId: string): Promise<WebClient>;
  /** What slackFor keeps per workspace; an uninstall forgets it. */
  slackClients: SlackClients;
  /** How long a Slack call or response_url post may take (shorter in tests of hangs). */
  slackTimeouts: { timeoutMs?: number; retryPauseMs?: number };
  now: () => number;
  /** The app's own Prometheus registry and the families it records. */
  metrics: Metrics;
  /** Detached work (Home tab refreshes) that stopping the app waits for. */
  background: BackgroundWork;
  /** How large one export file may be, and how many parts one export may have. */
  exportLimits: SplitLimits;
  /** Counts of RingCentral events and the cache invalidations they caused. */
  counters: Counters;
  /** Identities whose cached answers an event made stale, told to every process. */
  staleNotices: StaleNoticesStore;
  /** This process, among those on the database (a random id, new at each start). */
  instanceId: string;
  /** This process's RingCentral WebSocket subscriptions, one per identity (RC_EVENTS=websocket). */
  eventSockets: EventSocketPool;
}
