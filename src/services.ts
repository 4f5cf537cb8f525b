import type { WebClient } from '@slack/web-api';
import type { BackgroundWork } from './background-work';
import type { ValueSigner } from './blocks/signed-values';
import type { Config } from './config';
import type { IdentityCache } from './directory';
import type { AppLogger } from './logger';
import type { Metrics } from './metrics';
import type { ConnectTokenSigner } from './ringcentral/connect-token';
import type { RingCentralOAuth } from './ringcentral/oauth';
import type { RingCentralAppCredentials } from './ringcentral/platform-factory';
import type { RingCentralSessions } from './ringcentral/sessions';
import type { SlackPeople } from './slack/people';
import type { LinksStore, MembersStore, Store } from './store/types';

/** What every listener and route reaches its collaborators through: no module singletons. */
export interface Services {
  config: Config;
  /** Only for the health check: opening and closing the database is main's job. */
  store: Pick<Store, 'ping'>;
  links: LinksStore;
  members: MembersStore;
  logger: AppLogger;
  credentials: RingCentralAppCredentials;
  oauth: RingCentralOAuth;
  /** Signs the URLs of Connect buttons. */
  connectTokens: ConnectTokenSigner;
  /** Signs and checks button values and modal metadata, each bound to one member. */
  values: ValueSigner;
  sessions: RingCentralSessions;
  cache: IdentityCache;
  people: SlackPeople;
  slack: WebClient;
  now: () => number;
  /** The app's own Prometheus registry and the families it records. */
  metrics: Metrics;
  /** Detached work (Home tab refreshes) that stopping the app waits for. */
  background: BackgroundWork;
}
