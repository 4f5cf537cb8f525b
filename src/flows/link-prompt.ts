import { type Message, renderLinkPrompt } from '../blocks';
import { PATHS } from '../paths';
import { CONNECT_TOKEN_TTL_MS } from '../ringcentral/connect-token';
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
  const token = services.connectTokens.sign({
    teamId: member.teamId,
    userId: member.userId,
    channelId: where.channelId ?? null,
    responseUrl: where.responseUrl ?? null,
    expiresAt: services.now() + CONNECT_TOKEN_TTL_MS,
  });
  return `${services.config.publicUrl}${PATHS.connect}?t=${token}`;
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
