import { revokeTokens } from '../ringcentral/oauth';
import { identityKeyOf } from '../ringcentral/user-session';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';
import { publishHome } from './app-home';
import { closeEventSockets } from './event-sockets';
import { removeEventSubscription } from './event-subscriptions';

/**
 * Ends the member's RingCentral session (errors ignored, as RingCentral advises), forgets the
 * tokens and everything cached for that identity. True when there was a link.
 */
export async function unlinkMember(services: Services, member: MemberKey): Promise<boolean> {
  const link = await services.links.getLink(member);
  if (!link) return false;
  // While the tokens still work: RingCentral stops sending this member's events.
  await removeEventSubscription(services, member);
  await closeEventSockets(services, member);
  await services.links.deleteLink(member);
  if (link.tokens.refreshToken) {
    await revokeTokens(services.credentials, link.tokens).catch(() => undefined);
  }
  services.cache.forgetIdentity(identityKeyOf(link.identity));
  services.logger.info({ teamId: member.teamId, userId: member.userId }, 'unlinked');
  // The Home tab goes back to its Connect view; the reply does not wait for it.
  services.background.run(publishHome(services, member));
  return true;
}
