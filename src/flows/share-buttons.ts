import { confirmShareModal, type Message, parseShareValue } from '../blocks';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import type { ShareChannel } from '../slack/share-channel';
import type { ActionSite } from './answer-action';
import { commandFromShare } from './replay';
import { shareAnswer, shareForwarding } from './share';

/** What the confirmation modal carries from the button to its submission. */
export interface ShareForwardingMetadata {
  channelId: string;
  q: string;
  responseUrl: string | null;
  /** Personal numbers the sharer was told about; more at submit time asks again. */
  personalCount: number;
}

/** "Share in channel" on an answer: the sharer's fresh answer, posted in this channel. */
export async function shareFromButton(
  services: Services,
  member: MemberKey,
  rawValue: string | undefined,
  channelId: string,
): Promise<Message | null> {
  const value = parseShareValue(rawValue);
  const command = value ? commandFromShare(value) : null;
  if (!value || !command) return null;
  return shareAnswer(services, member, command, channelId, value.o);
}

/**
 * "Share in channel" on a forwarding list: posted at once when it holds no personal numbers,
 * otherwise a modal first says how many personal numbers would reach how many people.
 */
export async function shareForwardingFromButton(
  services: Services,
  site: ActionSite,
  rawValue: string | undefined,
  from: { channelId: string; triggerId: string },
): Promise<Message | null> {
  const value = parseShareValue(rawValue);
  const command = value ? commandFromShare(value) : null;
  if (!value || command?.kind !== 'forwarding') return null;
  const outcome = await shareForwarding(services, site.member, command.target, from.channelId, 0);
  if (outcome.kind === 'posted') return outcome.notice;
  const metadata: ShareForwardingMetadata = {
    channelId: outcome.channel.channelId,
    q: value.q ?? '',
    responseUrl: site.place.responseUrl ?? null,
    personalCount: outcome.personalCount,
  };
  await askToConfirm(site, from.triggerId, outcome.channel, metadata);
  return null;
}

/** The metadata of a confirmation modal, or null when it is not ours. */
export function parseShareMetadata(raw: string): ShareForwardingMetadata | null {
  try {
    const parsed = JSON.parse(raw) as Partial<ShareForwardingMetadata>;
    if (typeof parsed.channelId !== 'string' || typeof parsed.q !== 'string') return null;
    return {
      channelId: parsed.channelId,
      q: parsed.q,
      responseUrl: typeof parsed.responseUrl === 'string' ? parsed.responseUrl : null,
      personalCount: typeof parsed.personalCount === 'number' ? parsed.personalCount : 0,
    };
  } catch {
    return null;
  }
}

/**
 * "Share" in the confirmation modal: reads the list afresh and posts it, unless it now holds
 * more personal numbers than the sharer confirmed; then the sharer is asked again.
 */
export async function confirmForwardingShare(
  services: Services,
  site: ActionSite,
  metadata: ShareForwardingMetadata,
  triggerId: string | undefined,
): Promise<Message | null> {
  const command = commandFromShare({ c: 'forwarding', q: metadata.q });
  if (command?.kind !== 'forwarding') return null;
  const outcome = await shareForwarding(
    services,
    site.member,
    command.target,
    metadata.channelId,
    metadata.personalCount,
  );
  if (outcome.kind === 'posted') return outcome.notice;
  if (!triggerId) return null;
  await askToConfirm(site, triggerId, outcome.channel, {
    ...metadata,
    personalCount: outcome.personalCount,
  });
  return null;
}

async function askToConfirm(
  site: ActionSite,
  triggerId: string,
  channel: ShareChannel,
  metadata: ShareForwardingMetadata,
): Promise<void> {
  await site.client.views.open({
    trigger_id: triggerId,
    view: confirmShareModal({
      channelName: channel.name ?? 'this channel',
      memberCount: channel.memberCount ?? 0,
      personalCount: metadata.personalCount,
      privateMetadata: JSON.stringify(metadata),
    }),
  });
}
