import { type Message, renderLinkPrompt } from '../blocks';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';

/** A fresh "Connect RingCentral" prompt bound to this member (and where to confirm). */
export async function linkPrompt(
  services: Services,
  member: MemberKey,
  where: { channelId?: string | null; responseUrl?: string | null; reason?: string | null } = {},
): Promise<Message> {
  const start = await services.oauth.start(member, where);
  return renderLinkPrompt({ url: start.url, reason: where.reason ?? null });
}
