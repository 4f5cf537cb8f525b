import type { ExtensionSummary, LookupResult } from '../directory';
import type { Services } from '../services';

/**
 * A copy of the owner with the Slack member whose profile email matches its RingCentral email.
 * Copies, because results may be objects held in the identity's cache.
 */
export async function withSlackUser<T extends ExtensionSummary | null>(
  services: Services | null,
  teamId: string,
  owner: T,
): Promise<T> {
  if (!services || !owner?.email) return owner;
  return { ...owner, slackUserId: await services.people.userIdForEmail(teamId, owner.email) };
}

export async function mentionOwners(
  services: Services | null,
  teamId: string,
  result: LookupResult,
): Promise<LookupResult> {
  if (result.kind === 'full') {
    if (!result.number) return result;
    const owner = await withSlackUser(services, teamId, result.number.owner);
    return { ...result, number: { ...result.number, owner } };
  }
  return { ...result, extension: await withSlackUser(services, teamId, result.extension) };
}
