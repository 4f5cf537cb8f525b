import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../logger';

/** What the Slack I/O helpers need: a workspace's Web API client and where to log a failure. */
export interface SlackDeps {
  /** The client acting in workspace `teamId`, with that workspace's own bot token. */
  slackFor(teamId: string): Promise<WebClient>;
  logger: AppLogger;
}
