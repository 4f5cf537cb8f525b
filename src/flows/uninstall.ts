import { revokeTokens } from '../ringcentral/oauth';
import { identityKeyOf } from '../ringcentral/user-session';
import type { Services } from '../services';
import { forEachLimited } from '../slack/for-each-limited';
import { keyOfQuery } from '../slack/installation-store';
import { closeEventSockets } from './event-sockets';

/** RingCentral sessions ended at once while a workspace is forgotten. */
const REVOKES_IN_FLIGHT = 4;

/** Where Slack says the app was removed: the event's team, and its organisation's install. */
export interface RemovedFrom {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

/**
 * The app was removed (`app_uninstalled`, or `tokens_revoked` for its bot): the installation
 * goes, and with it everything of each workspace it served: links (their RingCentral sessions
 * ended), sign-ins in progress, Connect buttons, onboarding records, cached answers and
 * profiles. Safe to repeat: a second delivery, or another process, finds nothing left.
 */
export async function removeInstallation(services: Services, from: RemovedFrom): Promise<void> {
  const key = keyOfQuery(from);
  if (!key) {
    services.logger.warn({ ...from }, 'app removal without a team or enterprise id: ignored');
    return;
  }
  const removed = await services.installations.deleteInstallation(key);
  services.slackClients.forget(removed.teamIds);
  let links = 0;
  for (const teamId of removed.teamIds) links += await forgetWorkspace(services, teamId);
  services.logger.info(
    {
      teamId: from.teamId ?? null,
      enterpriseId: from.enterpriseId ?? null,
      isEnterpriseInstall: from.isEnterpriseInstall,
      hadInstallation: removed.installation !== null,
      workspaces: removed.teamIds.length,
      links,
    },
    'app removed from Slack: installation and links forgotten',
  );
}

/**
 * An org-wide install lost some of its workspaces (`team_access_revoked`): each of them is
 * forgotten as an uninstall would, the organisation's other workspaces go on. Only workspaces
 * this organisation's install was seen serving are touched: a list naming another
 * organisation's workspace changes nothing there.
 */
export async function removeWorkspaces(
  services: Services,
  enterpriseId: string | undefined,
  teamIds: readonly string[],
): Promise<void> {
  if (!enterpriseId) {
    services.logger.warn({ teamIds }, 'workspace access revoked without an enterprise id: ignored');
    return;
  }
  const served: string[] = [];
  for (const teamId of teamIds) {
    if (await services.installations.forgetOrgTeam(enterpriseId, teamId)) served.push(teamId);
  }
  services.slackClients.forget(served);
  let links = 0;
  for (const teamId of served) links += await forgetWorkspace(services, teamId);
  services.logger.info(
    { enterpriseId, workspaces: served, notServed: teamIds.length - served.length, links },
    'org-wide install lost workspaces: their links forgotten',
  );
}

/** Forgets one workspace; resolves with how many links it had. */
async function forgetWorkspace(services: Services, teamId: string): Promise<number> {
  // Out of the store first, so no process can use a session while it is being ended.
  const { links, pendingLinks } = await services.links.forgetWorkspace(teamId);
  await services.members.forgetWorkspace(teamId);
  services.people.forgetTeam(teamId);
  for (const link of links) services.cache.forgetIdentity(identityKeyOf(link.identity));
  await Promise.all(links.map((link) => closeEventSockets(services, link)));
  const sessions = [...links, ...pendingLinks]
    .map((entry) => entry.tokens)
    .filter((tokens) => tokens.refreshToken || tokens.accessToken);
  // revokeTokens never throws: RingCentral advises ignoring its errors and not retrying.
  await forEachLimited(sessions, REVOKES_IN_FLIGHT, (tokens) =>
    revokeTokens(services.credentials, tokens),
  );
  return links.length;
}
