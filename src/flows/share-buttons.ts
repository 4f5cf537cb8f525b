import { ActionIds, type Message, parseShareValue } from '../blocks';
import type { Services } from '../services';
import { shareChannel } from '../slack/share-channel';
import type { ActionSite } from './answer-action';
import { refuseClick, valueOfClick } from './button-values';
import { askToConfirm, askToConfirmAnswer } from './confirm-share';
import { commandFromShare } from './replay';
import { readForwardingShare, shareAnswer } from './share';

/**
 * "Share in channel" on an answer: the sharer's fresh answer, posted in this channel; in a
 * channel shared with other organisations, only after a confirmation that says so.
 */
export async function shareFromButton(
  services: Services,
  site: ActionSite,
  rawValue: string | undefined,
  from: { channelId: string; triggerId?: string },
): Promise<Message | null> {
  const raw = await valueOfClick(services, site, ActionIds.share, rawValue);
  if (raw === null) return null;
  const value = parseShareValue(raw);
  const command = value ? commandFromShare(value) : null;
  // A forwarding list is shared only through its own button, which always asks first.
  if (!value || !command || command.kind === 'forwarding') {
    await refuseClick(services, site, ActionIds.share, 'changed');
    return null;
  }
  const channel = await shareChannel(services, site.member.teamId, from.channelId);
  // People of other organisations read a Slack Connect channel: the sharer confirms first.
  if (channel.sharedExternally && from.triggerId) {
    await askToConfirmAnswer(services, site, from.triggerId, channel, value);
    return null;
  }
  return shareAnswer(services, site.member, command, channel, { offset: value.o });
}

/**
 * "Share in channel" on a forwarding list: never posted straight away. A modal first says how
 * many personal numbers would reach how many people, and whether the channel reaches other
 * organisations; its Share button reads the list again before posting.
 */
export async function shareForwardingFromButton(
  services: Services,
  site: ActionSite,
  rawValue: string | undefined,
  from: { channelId: string; triggerId: string },
): Promise<Message | null> {
  const raw = await valueOfClick(services, site, ActionIds.shareForwarding, rawValue);
  if (raw === null) return null;
  const value = parseShareValue(raw);
  const command = value ? commandFromShare(value) : null;
  if (!value || command?.kind !== 'forwarding') {
    await refuseClick(services, site, ActionIds.shareForwarding, 'changed');
    return null;
  }
  const share = await readForwardingShare(services, site.member, command.target, from.channelId);
  await askToConfirm(services, site, from.triggerId, share, {
    q: value.q ?? '',
    responseUrl: site.place.responseUrl ?? null,
  });
  return null;
}
