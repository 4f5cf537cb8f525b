import { randomBytes } from 'node:crypto';
import { revokeTokens, type SignIn } from '../ringcentral/oauth';
import type { Services } from '../services';
import type { OAuthState, PendingLink } from '../store/types';

/** How long the second confirmation page works: long enough to read it, no longer. */
export const PENDING_LINK_TTL_MS = 10 * 60_000;
/** Expired pending sign-ins ended per scheduler round; more wait for the next one. */
const ENDED_PER_ROUND = 100;

/**
 * With LINK_EMAIL_MATCH=confirm, a sign-in whose email differs from the Slack member's waits
 * here for whoever signed in to confirm it. Its tokens stay in the store only (sealed), under a
 * random id that the confirmation page's form carries; the page itself holds no token.
 */
export async function holdForConfirmation(
  services: Services,
  state: OAuthState,
  signIn: SignIn,
): Promise<PendingLink> {
  const now = services.now();
  const pending: PendingLink = {
    id: randomBytes(24).toString('base64url'),
    teamId: state.teamId,
    userId: state.userId,
    identity: signIn.identity,
    accountName: signIn.accountName,
    tokens: signIn.tokens,
    channelId: state.channelId,
    responseUrl: state.responseUrl,
    createdAt: now,
    expiresAt: now + PENDING_LINK_TTL_MS,
  };
  await services.links.savePendingLink(pending);
  services.logger.info(
    {
      teamId: state.teamId,
      userId: state.userId,
      extensionId: signIn.identity.extensionId,
      accountId: signIn.identity.accountId,
    },
    'emails differ: link waits for a second confirmation',
  );
  return pending;
}

/**
 * Ends the RingCentral sessions of pending sign-ins nobody confirmed in time. Run by the
 * scheduler's round; never throws, a failure is retried next round.
 */
export async function endExpiredPendingLinks(services: Services): Promise<number> {
  try {
    const expired = await services.links.takeExpiredPendingLinks(services.now(), ENDED_PER_ROUND);
    for (const pending of expired) await revokeTokens(services.credentials, pending.tokens);
    if (expired.length > 0) {
      services.logger.info({ ended: expired.length }, 'unconfirmed sign-ins ended');
    }
    return expired.length;
  } catch (error) {
    services.logger.warn(
      { message: (error as Error).message },
      'could not end unconfirmed sign-ins',
    );
    return 0;
  }
}
