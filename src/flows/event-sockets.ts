import { AppError, isAppError } from '../errors';
import { EventSocket, type SocketTrouble } from '../ringcentral/event-socket';
import { EVENT_FILTERS } from '../ringcentral/subscription-api';
import { identityKeyOf } from '../ringcentral/user-session';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';
import { forgetHere } from './stale-answers';
import type { UpkeepTask } from './upkeep-scheduler';

/**
 * Links a process opens sockets for at most: one socket each, so this bounds the sockets (and
 * RingCentral subscriptions) a process holds. Links past it age out by time, as without events.
 */
export const MAX_EVENT_SOCKETS = 10_000;

const ownerOf = (member: MemberKey) => `${member.teamId}:${member.userId}`;

function on(services: Services): boolean {
  return services.config.ringcentralEvents === 'websocket';
}

/** The link the socket was made with is gone, broken, or someone else's now: stop, not retry. */
function linkGone(error: unknown): boolean {
  return (
    isAppError(error, 'not_linked') ||
    isAppError(error, 'link_broken') ||
    isAppError(error, 'link_changed')
  );
}

/** No token may reach a log, even inside a library's message. */
function safeMessage(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .replace(/(access_token|wsc)=[^&\s]+/g, '$1=…')
    .slice(0, 200);
}

function socketFor(services: Services, member: MemberKey, identityKey: string): EventSocket {
  const { teamId, userId } = member;
  return new EventSocket({
    eventFilters: EVENT_FILTERS,
    timing: services.eventSockets.timing,
    gate: services.eventSockets.gate,
    // Each WebSocket token is asked for with the member's own link as stored now.
    openSession: async () => {
      const session = await services.sessions.open(member);
      if (session.identityKey !== identityKey) {
        throw new AppError('link_changed', 'The member’s RingCentral link changed');
      }
      return session;
    },
    // The subscription was made with this identity's token: only its answers go.
    onEvent: () => {
      services.counters.add('ringcentral_events_received');
      forgetHere(services, identityKey);
      services.logger.debug({ teamId, userId }, 'RingCentral event (WebSocket): cache forgotten');
    },
    onOpen: () => services.logger.debug({ teamId, userId }, 'RingCentral event socket open'),
    onTrouble: (trouble: SocketTrouble) => {
      if (linkGone(trouble.error)) {
        services.background.run(services.eventSockets.stop(identityKey, ownerOf(member)));
        services.logger.info({ teamId, userId }, 'RingCentral event socket closed: link changed');
        return;
      }
      services.logger.warn(
        {
          teamId,
          userId,
          status: trouble.status ?? null,
          failures: trouble.failures,
          retryInMs: trouble.retryInMs,
          message: safeMessage(trouble.error),
        },
        trouble.status === 401 || trouble.status === 403
          ? 'RingCentral refused the event socket; trying again later'
          : 'RingCentral event socket failed; trying again later',
      );
    },
  });
}

/** Opens the member's socket when events come by WebSocket and their link is active. */
export async function openEventSocket(services: Services, member: MemberKey): Promise<boolean> {
  if (!on(services)) return false;
  const link = await services.links.getLink(member);
  if (link?.status !== 'active') return false;
  const identityKey = identityKeyOf(link.identity);
  return services.eventSockets.start(identityKey, ownerOf(member), () =>
    socketFor(services, member, identityKey),
  );
}

/** Unlink, broken link, uninstall: closes every socket opened with the member's link. */
export function closeEventSockets(services: Services, member: MemberKey): Promise<number> {
  return services.eventSockets.stopOwnedBy(ownerOf(member));
}

/**
 * A new link, a relink or a change of role: the socket of the identity the member had goes,
 * and one for the identity they have now opens.
 */
export async function refreshEventSocket(services: Services, member: MemberKey): Promise<void> {
  if (!on(services)) return;
  const link = await services.links.getLink(member);
  const now = link?.status === 'active' ? identityKeyOf(link.identity) : null;
  const owner = ownerOf(member);
  for (const entry of services.eventSockets.entries()) {
    if (entry.owner === owner && entry.identityKey !== now) {
      await services.eventSockets.stop(entry.identityKey, owner);
    }
  }
  await openEventSocket(services, member);
}

/**
 * At start and each minute: a socket for every active identity that has none, and none for a
 * link that went (another process unlinked it, say). One socket per identity: two members
 * linked as the same RingCentral user share one.
 */
export const syncEventSockets: UpkeepTask = async (services): Promise<Record<string, number>> => {
  if (!on(services)) return {};
  const links = await services.subscriptions.activeLinks(MAX_EVENT_SOCKETS);
  const current = new Set(links.map((link) => `${identityKeyOf(link)}|${ownerOf(link)}`));
  let closed = 0;
  for (const entry of services.eventSockets.entries()) {
    if (current.has(`${entry.identityKey}|${entry.owner}`)) continue;
    if (await services.eventSockets.stop(entry.identityKey, entry.owner)) closed += 1;
  }
  let opened = 0;
  for (const link of links) {
    const identityKey = identityKeyOf(link);
    const member = { teamId: link.teamId, userId: link.userId };
    const made = services.eventSockets.start(identityKey, ownerOf(member), () =>
      socketFor(services, member, identityKey),
    );
    if (made) opened += 1;
  }
  return { socketsOpened: opened, socketsClosed: closed, sockets: services.eventSockets.size };
};
