import type { ModalView } from '@slack/types';
import {
  CallbackIds,
  confirmShareModal,
  type Message,
  parseShareValue,
  type Refusal,
  refusedShareModal,
  renderNotice,
  type ShareValue,
} from '../blocks';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { type ShareChannel, shareChannel } from '../slack/share-channel';
import type { ActionSite } from './answer-action';
import { commandFromShare } from './replay';
import {
  type ForwardingShare,
  postForwardingShare,
  readForwardingShare,
  shareAnswer,
} from './share';

/** What the confirmation modal carries from the button to its submission, signed. */
export interface ShareForwardingMetadata {
  channelId: string;
  /** The extension number whose list is shared; empty for the sharer's own. */
  q: string;
  responseUrl: string | null;
  /** Fingerprints of the personal numbers the sharer confirmed; any other asks again. */
  personal: string[];
  /** Another answer than a forwarding list (confirmed for a channel outside the company). */
  answer?: ShareValue;
}

/** Opens the confirmation for a list just read, its metadata signed for the sharer. */
export async function askToConfirm(
  services: Services,
  site: ActionSite,
  triggerId: string,
  share: ForwardingShare,
  from: { q: string; responseUrl: string | null },
  changed = false,
): Promise<void> {
  const metadata: ShareForwardingMetadata = {
    channelId: share.channel.channelId,
    q: from.q,
    responseUrl: from.responseUrl,
    personal: share.personal,
  };
  await openConfirmation(services, site, triggerId, share.channel, metadata, {
    personalCount: share.personal.length,
    changed,
  });
}

/** Opens the confirmation for another answer shared in a channel outside the company. */
export async function askToConfirmAnswer(
  services: Services,
  site: ActionSite,
  triggerId: string,
  channel: ShareChannel,
  answer: ShareValue,
): Promise<void> {
  const metadata: ShareForwardingMetadata = {
    channelId: channel.channelId,
    q: '',
    responseUrl: site.place.responseUrl ?? null,
    personal: [],
    answer,
  };
  await openConfirmation(services, site, triggerId, channel, metadata, {
    kind: 'answer',
    personalCount: 0,
  });
}

/** The confirmation modal for `channel`, its metadata signed for the sharer alone. */
async function openConfirmation(
  services: Services,
  site: ActionSite,
  triggerId: string,
  channel: ShareChannel,
  metadata: ShareForwardingMetadata,
  modal: { kind?: 'answer'; personalCount: number; changed?: boolean },
): Promise<void> {
  const privateMetadata = services.values.sign(
    site.member,
    CallbackIds.confirmShare,
    JSON.stringify(metadata),
  );
  await site.client.views.open({
    trigger_id: triggerId,
    view: confirmShareModal({
      ...modal,
      channelName: channel.name ?? 'this channel',
      memberCount: channel.memberCount ?? 0,
      sharedExternally: channel.sharedExternally,
      privateMetadata,
    }),
  });
}

/**
 * The submitted modal's metadata, when this app made it for this member and nobody changed it
 * (so it cannot send the list to another channel, nor someone else's list); otherwise the view
 * that says why nothing was shared.
 */
export function openShareMetadata(
  services: Services,
  member: MemberKey,
  raw: string | undefined,
): { metadata: ShareForwardingMetadata } | { refused: ModalView } {
  const opened = services.values.open(member, CallbackIds.confirmShare, raw);
  if (!opened.ok) return refuse(services, member, opened.refusal, opened.madeFor);
  const metadata = parseMetadata(opened.value);
  return metadata ? { metadata } : refuse(services, member, 'changed');
}

function refuse(services: Services, member: MemberKey, refusal: Refusal, madeFor?: MemberKey) {
  services.logger.warn(
    {
      teamId: member.teamId,
      userId: member.userId,
      callbackId: CallbackIds.confirmShare,
      refusal,
      ...(madeFor ? { madeForTeamId: madeFor.teamId, madeForUserId: madeFor.userId } : {}),
    },
    'share confirmation refused',
  );
  return { refused: refusedShareModal(refusal) };
}

function parseMetadata(raw: string): ShareForwardingMetadata | null {
  try {
    const parsed = JSON.parse(raw) as Partial<ShareForwardingMetadata>;
    const { channelId, q, responseUrl, personal } = parsed;
    if (typeof channelId !== 'string' || typeof q !== 'string') return null;
    if (!Array.isArray(personal) || !personal.every((p) => typeof p === 'string')) return null;
    // Checked as strictly as the share button's own value (which reads it from JSON text).
    const answer =
      parsed.answer === undefined ? undefined : parseShareValue(JSON.stringify(parsed.answer));
    if (answer === null) return null;
    return {
      channelId,
      q,
      responseUrl: typeof responseUrl === 'string' ? responseUrl : null,
      personal,
      ...(answer ? { answer } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * "Share" in the confirmation modal. Another answer is asked afresh and posted. A forwarding
 * list is read afresh and that read posted, unless it now holds a personal number the sharer
 * was not told about; then the sharer is asked again.
 */
export async function confirmForwardingShare(
  services: Services,
  site: ActionSite,
  metadata: ShareForwardingMetadata,
  triggerId: string | undefined,
): Promise<Message | null> {
  if (metadata.answer) {
    const answer = commandFromShare(metadata.answer);
    if (!answer || answer.kind === 'forwarding') return null;
    const channel = await shareChannel(services, site.member.teamId, metadata.channelId);
    return shareAnswer(services, site.member, answer, channel, {
      offset: metadata.answer.o,
      confirmed: true,
    });
  }
  const command = commandFromShare({ c: 'forwarding', q: metadata.q });
  if (command?.kind !== 'forwarding') return null;
  const share = await readForwardingShare(
    services,
    site.member,
    command.target,
    metadata.channelId,
  );
  const unseen = share.personal.filter((number) => !metadata.personal.includes(number));
  if (unseen.length === 0) return postForwardingShare(services, site.member, share);
  if (!triggerId) {
    return renderNotice(
      'The list changed since you confirmed it; nothing was shared. Share again.',
    );
  }
  await askToConfirm(services, site, triggerId, share, metadata, true);
  return null;
}
