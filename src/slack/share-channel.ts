import { AppError } from '../errors';
import type { SlackDeps } from './deps';
import { slackErrorCode } from './error-code';

/** A channel the bot may post a shared answer in. */
export interface ShareChannel {
  channelId: string;
  name: string | null;
  isPrivate: boolean;
  memberCount: number | null;
  /** Shared with other organisations (Slack Connect): people outside the company read it. */
  sharedExternally: boolean;
}

/**
 * Checks that the bot may post in the channel before anything is fetched: a DM or a channel
 * the bot is not in gets a clear refusal with the fix.
 */
export async function shareChannel(slack: SlackDeps, channelId: string): Promise<ShareChannel> {
  if (channelId.startsWith('D')) {
    throw cannotPost('Sharing works in channels, not in direct messages.');
  }
  let info: Awaited<ReturnType<SlackDeps['slack']['conversations']['info']>>;
  try {
    info = await slack.slack.conversations.info({
      channel: channelId,
      include_num_members: true,
    });
  } catch (error) {
    slack.logger.warn({ channelId, code: slackErrorCode(error) }, 'conversations.info failed');
    throw cannotPost(
      'I can’t see this channel. Invite me with `/invite @rcnumber`, then share again.',
    );
  }
  const channel = info.channel;
  if (!channel || channel.is_im || channel.is_mpim) {
    throw cannotPost('Sharing works in channels, not in direct messages.');
  }
  if (!channel.is_member) {
    throw cannotPost(
      `I’m not a member of #${channel.name ?? 'this channel'}. Invite me with \`/invite @rcnumber\`, then share again.`,
    );
  }
  return {
    channelId,
    name: channel.name ?? null,
    isPrivate: Boolean(channel.is_private),
    memberCount: typeof channel.num_members === 'number' ? channel.num_members : null,
    sharedExternally: Boolean(channel.is_ext_shared),
  };
}

export function cannotPost(userText: string): AppError {
  return new AppError('cannot_post', userText, { userText });
}
