import { type Message, renderLinkPrompt } from '../blocks';
import { PATHS } from '../paths';
import type { ConnectWhere } from '../ringcentral/connect-token';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';

export type PromptWhere = ConnectWhere;

/**
 * The URL of a Connect button for this member: under PUBLIC_URL, with an opaque token that
 * stands for the member (and where to confirm) in the store, and is turned into a fresh OAuth
 * state only when opened, so the button keeps working for days.
 */
export async function connectUrl(
  services: Services,
  member: MemberKey,
  where: PromptWhere = {},
): Promise<string> {
  const token = await services.connectTokens.issue(member, where);
  return `${services.config.publicUrl}${PATHS.connect}?t=${token}`;
}

/** A "Connect RingCentral" prompt bound to this member (and where to confirm). */
export async function linkPrompt(
  services: Services,
  member: MemberKey,
  where: PromptWhere & { reason?: string | null } = {},
): Promise<Message> {
  return renderLinkPrompt({
    url: await connectUrl(services, member, {
      channelId: where.channelId,
      responseUrl: where.responseUrl,
    }),
    reason: where.reason ?? null,
  });
}
