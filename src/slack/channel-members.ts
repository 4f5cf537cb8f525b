import type { SlackDeps } from './deps';
import { slackErrorCode } from './error-code';

/** Slack's largest page for conversations.members. */
const PAGE_SIZE = 1000;
/** A guard against a cursor that never ends: 200 pages is 200,000 members. */
const MAX_PAGES = 200;

/**
 * Every member id of a channel of workspace `teamId`, page by page. Null when the bot cannot read the channel (it is
 * private and the bot is not in it, or it does not exist).
 */
export async function channelMembers(
  services: SlackDeps,
  teamId: string,
  channelId: string,
): Promise<string[] | null> {
  const members: string[] = [];
  let cursor: string | undefined;
  try {
    const slack = await services.slackFor(teamId);
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await slack.conversations.members({
        channel: channelId,
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      members.push(...(answer.members ?? []));
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return members;
  } catch (error) {
    const code = slackErrorCode(error);
    services.logger.warn(
      { teamId, channelId, code: code ?? (error as Error).message },
      'members not read',
    );
    return null;
  }
}
