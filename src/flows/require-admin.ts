import { AppError } from '../errors';
import type { Services } from '../services';
import type { LinkedIdentity, MemberKey } from '../store/types';

/**
 * For admin-only commands: the member's admin role as RingCentral states it now (one Light
 * request under their own token), not as their link remembers it, so a demoted admin loses the
 * command at once and a promoted member gains it at once. Refusals are logged.
 */
export async function requireAdmin(
  services: Services,
  member: MemberKey,
  command: string,
): Promise<LinkedIdentity> {
  const identity = await services.sessions.currentIdentity(member);
  if (!identity.isAdmin) {
    services.logger.warn(
      { teamId: member.teamId, userId: member.userId, extensionId: identity.extensionId, command },
      'admin-only command refused',
    );
    throw new AppError('not_admin', `${command} is for RingCentral admins`);
  }
  return identity;
}
