import { createHash } from 'node:crypto';
import { type Message, renderForwarding, renderNotice, renderShared } from '../blocks';
import { forwardingOf } from '../directory';
import type { Target as CommandTarget } from '../grammar';
import type { ForwardingResult, MemberKey } from '../model';
import type { Services } from '../services';
import { slackErrorCode } from '../slack/error-code';
import { cannotPost, type ShareChannel, shareChannel } from '../slack/share-channel';
import { answerCommand, type DirectoryCommand } from './answer-command';
import { commandText, recordShare, type ShareFacts } from './audit-trail';
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
  channel: ShareChannel,
  options: { offset?: number; confirmed?: boolean } = {},
): Promise<Message> {
  const fresh = await answerCommand(services, member, command, {
    shareable: false,
    mentions: false,
    offset: options.offset,
  });
  return postShared(services, member, channel, fresh, {
    command: commandText(command),
    personalCount: 0,
    confirmed: options.confirmed === true,
  });
}

/** A forwarding list read afresh for sharing, and the channel it would go to. */
export interface ForwardingShare {
  channel: ShareChannel;
  list: ForwardingResult;
  /** Fingerprints of its personal numbers: what the sharer confirms, compared at submit time. */
  personal: string[];
}

/**
 * "Share in channel" on a forwarding list, which often holds personal mobiles: checks the
 * channel, then reads the list under the sharer's token. Posting it is a separate step, taken
 * only after the sharer confirmed what this read found.
 */
export async function readForwardingShare(
  services: Services,
  member: MemberKey,
  target: CommandTarget,
  channelId: string,
): Promise<ForwardingShare> {
  const channel = await shareChannel(services, member.teamId, channelId);
  const ctx = await memberContext(services, member);
  const list = await forwardingOf(ctx, await directoryTarget(services, member, target));
  const personal = list.entries
    .filter((entry) => entry.personal)
    .map((entry) => fingerprint(entry.e164 ?? entry.raw ?? ''));
  return { channel, list, personal };
}

/** Posts exactly the list that was read (and confirmed), never an older one. */
export function postForwardingShare(
  services: Services,
  member: MemberKey,
  share: ForwardingShare,
): Promise<Message> {
  const ext = share.list.extension.extensionNumber;
  return postShared(
    services,
    member,
    share.channel,
    renderForwarding(share.list, { shareable: false }),
    {
      command: ext ? `forwarding ext ${ext}` : 'forwarding',
      personalCount: share.personal.length,
      confirmed: true,
    },
  );
}

/** Short, and not the number itself: the modal's metadata need not hold phone numbers. */
function fingerprint(number: string): string {
  return createHash('sha256').update(number).digest('base64url').slice(0, 12);
}

async function postShared(
  services: Services,
  member: MemberKey,
  channel: ShareChannel,
  answer: Message,
  facts: ShareFacts,
): Promise<Message> {
  const shared = renderShared(answer, member.userId, new Date(services.now()));
  try {
    const slack = await services.slackFor(member.teamId);
    await slack.chat.postMessage({ channel: channel.channelId, ...shared });
  } catch (error) {
    const code = slackErrorCode(error);
    throw cannotPost(
      code === 'not_in_channel' || code === 'channel_not_found'
        ? 'I’m not a member of this channel. Invite me with `/invite @rcnumber`, then share again.'
        : 'Slack did not accept the message; nothing was shared.',
    );
  }
  await recordShare(services, member, channel, facts);
  return renderNotice(`Shared in <#${channel.channelId}>.`);
}
