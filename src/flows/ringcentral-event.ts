import { createHash, timingSafeEqual } from 'node:crypto';
import type { Services } from '../services';
import { forgetEverywhere } from './stale-answers';

/** What a webhook call said, as the route read it. */
export interface IncomingEvent {
  subscriptionId: string | null;
  /** The `Verification-Token` header; null when missing. */
  verificationToken: string | null;
}

export type EventOutcome = 'accepted' | 'unknown_subscription' | 'refused';

/** SHA-256 of a verification token, as the store keeps it (never the token itself). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function sameHash(expected: string, token: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(tokenHash(token), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A RingCentral event arrived on the webhook. It counts only when it names a subscription this
 * app made and carries that subscription's verification token (compared in constant time);
 * then the one identity the subscription was made for forgets its cached answers, and its next
 * question reads RingCentral afresh. Anything else changes nothing and is logged with ids.
 */
export async function receiveRingCentralEvent(
  services: Services,
  event: IncomingEvent,
): Promise<EventOutcome> {
  const row = event.subscriptionId
    ? await services.subscriptions.bySubscriptionId(event.subscriptionId)
    : null;
  if (!row) {
    services.counters.add('ringcentral_events_refused');
    services.logger.warn(
      { subscriptionId: event.subscriptionId?.slice(0, 64) ?? null },
      'RingCentral event for an unknown subscription refused',
    );
    return 'unknown_subscription';
  }
  if (
    !row.tokenHash ||
    event.verificationToken === null ||
    !sameHash(row.tokenHash, event.verificationToken)
  ) {
    services.counters.add('ringcentral_events_refused');
    services.logger.warn(
      {
        teamId: row.teamId,
        userId: row.userId,
        subscriptionId: row.subscriptionId,
        tokenGiven: event.verificationToken !== null,
      },
      'RingCentral event with a wrong verification token refused',
    );
    return 'refused';
  }
  services.counters.add('ringcentral_events_received');
  const link = await services.links.getLink(row);
  // Made for the extension the member had then: a relink to another one makes it someone else's.
  if (
    link &&
    link.identity.accountId === row.accountId &&
    link.identity.extensionId === row.extensionId
  ) {
    await forgetEverywhere(services, link.identity);
    services.logger.debug(
      { teamId: row.teamId, userId: row.userId },
      'RingCentral event: cache forgotten',
    );
  }
  return 'accepted';
}
