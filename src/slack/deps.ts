import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../logger';

/** What the Slack I/O helpers need: the app's Web API client and where to log a failure. */
export interface SlackDeps {
  slack: WebClient;
  logger: AppLogger;
}
