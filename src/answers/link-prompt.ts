import { type Message, renderLinkPrompt } from '../blocks';
import { LINK_START_PATH } from '../http/link-start';
import { LINK_START_TTL_MS } from '../ringcentral/link-start';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';

export interface PromptWhere {
  channelId?: string | null;
  responseUrl?: string | null;
}

/**
 * The URL of a Connect button for this member: under PUBLIC_URL, signed, and turned into a
 * fresh OAuth state only when opened, so the button keeps working for days.
 */
export function connectUrl(services: Services, member: MemberKey, where: PromptWhere = {}): string {
  const token = services.linkStart.sign({
    teamId: member.teamId,
    userId: member.userId,
    channelId: where.channelId ?? null,
    responseUrl: where.responseUrl ?? null,
    expiresAt: services.now() + LINK_START_TTL_MS,
  });
  return `${services.config.publicUrl}${LINK_START_PATH}?t=${token}`;
}

/** A "Connect RingCentral" prompt bound to this member (and where to confirm). */
export async function linkPrompt(
  services: Services,
  member: MemberKey,
  where: PromptWhere & { reason?: string | null } = {},
): Promise<Message> {
  return renderLinkPrompt({
    url: connectUrl(services, member, where),
    reason: where.reason ?? null,
  });
}
