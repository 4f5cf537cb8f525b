import { type Message, renderForwarding, renderNotice, renderShared } from '../blocks';
import { forwardingOf } from '../directory';
import type { Target as CommandTarget } from '../grammar';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { slackErrorCode } from '../slack/error-code';
import { cannotPost, type ShareChannel, shareChannel } from '../slack/share-channel';
import { answerCommand, type DirectoryCommand } from './answer-command';
import { directoryTarget, memberContext } from './member-context';

/**
 * Posts the sharer's own fresh answer in the channel, marked with who shared it and when.
 * Never reuses what was shown before: the answer is asked again under the sharer's token.
 * Resolves with the notice for the sharer ("Shared in #…").
 */
export async function shareAnswer(
  services: Services,
  member: MemberKey,
  command: DirectoryCommand,
  channelId: string,
  offset?: number,
): Promise<Message> {
  const channel = await shareChannel(services, channelId);
  const fresh = await answerCommand(services, member, command, {
    shareable: false,
    mentions: false,
    offset,
  });
  return postShared(services, member, channel, fresh);
}

/** Either the list went to the channel, or the sharer must first confirm its personal numbers. */
export type ForwardingShare =
  | { kind: 'posted'; notice: Message }
  | { kind: 'confirm'; channel: ShareChannel; personalCount: number };

/**
 * "Share in channel" on a forwarding list, which often holds personal mobiles. Reads the list
 * once, under the sharer's token: when it holds more personal numbers than the sharer already
 * confirmed, asks for confirmation; otherwise posts that same read.
 */
export async function shareForwarding(
  services: Services,
  member: MemberKey,
  target: CommandTarget,
  channelId: string,
  confirmedPersonal: number,
): Promise<ForwardingShare> {
  const channel = await shareChannel(services, channelId);
  const ctx = await memberContext(services, member);
  const list = await forwardingOf(ctx, await directoryTarget(services, member, target));
  const personalCount = list.entries.filter((entry) => entry.personal).length;
  if (personalCount > confirmedPersonal) return { kind: 'confirm', channel, personalCount };
  const notice = await postShared(
    services,
    member,
    channel,
    renderForwarding(list, { shareable: false }),
  );
  return { kind: 'posted', notice };
}

async function postShared(
  services: Services,
  member: MemberKey,
  channel: ShareChannel,
  answer: Message,
): Promise<Message> {
  const shared = renderShared(answer, member.userId, new Date(services.now()));
  try {
    await services.slack.chat.postMessage({ channel: channel.channelId, ...shared });
  } catch (error) {
    const code = slackErrorCode(error);
    throw cannotPost(
      code === 'not_in_channel' || code === 'channel_not_found'
        ? 'I’m not a member of this channel. Invite me with `/invite @rcnumber`, then share again.'
        : 'Slack did not accept the message; nothing was shared.',
    );
  }
  return renderNotice(`Shared in <#${channel.channelId}>.`);
}
