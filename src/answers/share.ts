import { type Message, renderShared } from '../blocks';
import { AppError } from '../errors';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';
import { answerCommand, type DirectoryCommand } from './answer-command';

export interface ShareTarget {
  channelId: string;
  name: string | null;
  isPrivate: boolean;
  memberCount: number | null;
}

/**
 * Checks that the bot may post in the channel before anything is fetched: a DM or a channel
 * the bot is not in gets a clear refusal with the fix.
 */
export async function shareTarget(services: Services, channelId: string): Promise<ShareTarget> {
  if (channelId.startsWith('D')) {
    throw cannotPost('Sharing works in channels, not in direct messages.');
  }
  let info: Awaited<ReturnType<Services['slack']['conversations']['info']>>;
  try {
    info = await services.slack.conversations.info({
      channel: channelId,
      include_num_members: true,
    });
  } catch {
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
  };
}

/**
 * Posts the sharer's own fresh answer in the channel, marked with who shared it and when.
 * Never reuses what was shown before: the answer is asked again under the sharer's token.
 */
export async function shareAnswer(
  services: Services,
  member: MemberKey,
  command: DirectoryCommand,
  channelId: string,
  offset?: number,
): Promise<Message> {
  const fresh = await answerCommand(services, member, command, {
    shareable: false,
    mentions: false,
    offset,
  });
  const shared = renderShared(fresh, member.userId, new Date(services.now()));
  try {
    await services.slack.chat.postMessage({ channel: channelId, ...shared });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw cannotPost(
      code === 'not_in_channel' || code === 'channel_not_found'
        ? 'I’m not a member of this channel. Invite me with `/invite @rcnumber`, then share again.'
        : 'Slack did not accept the message; nothing was shared.',
    );
  }
  return shared;
}

function cannotPost(userText: string): AppError {
  return new AppError('cannot_post', userText, { userText });
}
