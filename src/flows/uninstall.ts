import { revokeTokens } from '../ringcentral/oauth';
import { identityKeyOf } from '../ringcentral/user-session';
import type { Services } from '../services';
import { forEachLimited } from '../slack/for-each-limited';
import { keyOfQuery } from '../slack/installation-store';
import type { InstallationKey } from '../store/types';
import { closeEventSockets } from './event-sockets';

/** RingCentral sessions ended at once while a workspace is forgotten. */
const REVOKES_IN_FLIGHT = 4;

/** Where Slack says the app was removed: the event's team, and its organisation's install. */
export interface RemovedFrom {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  /** When Slack says it happened (the event's `event_time`, whole seconds, as ms). */
  eventTimeMs?: number;
  /** For `tokens_revoked`: the bot users whose tokens went; another bot's install stays. */
  botUserIds?: readonly string[];
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
  const stale = await staleRemoval(services, key, from);
  if (stale) {
    services.logger.warn({ ...from, reason: stale }, 'app removal ignored: not this installation');
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

/** An event envelope's `event_time` (whole seconds) in ms; undefined when it has none. */
export function eventTimeMs(body: { event_time?: unknown }): number | undefined {
  return typeof body.event_time === 'number' ? body.event_time * 1000 : undefined;
}

/**
 * A removal that concerns an earlier installation than the one stored now: Slack retries an
 * event whose ack failed, so an uninstall can arrive after the reinstall that followed it, and
 * a revoked token can be the old bot's. Deleting then would take the new installation and
 * every link made since.
 */
async function staleRemoval(
  services: Services,
  key: InstallationKey,
  from: RemovedFrom,
): Promise<string | null> {
  const installation = await services.installations.getInstallation(key);
  if (!installation) return null;
  // event_time is whole seconds: only an install certainly after the event is newer.
  if (from.eventTimeMs !== undefined && installation.installedAt >= from.eventTimeMs + 1000) {
    return 'installed after the event';
  }
  if (from.botUserIds && !from.botUserIds.includes(installation.botUserId)) {
    return 'another bot’s token';
  }
  return null;
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
