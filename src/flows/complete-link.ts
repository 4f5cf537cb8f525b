import type { LinkRefusal } from '../model';
import { revokeTokens, type SignIn } from '../ringcentral/oauth';
import { identityKeyOf } from '../ringcentral/user-session';
import type { Services } from '../services';
import type { Link, MemberKey, OAuthState, PendingLink } from '../store/types';
import { confirmLink } from './confirm-link';
import { refreshEventSocket } from './event-sockets';
import { emailRefusal, otherAccount, pinAccount } from './link-checks';
import { holdForConfirmation } from './pending-link';
import { type LinkAttempt, refuseLink } from './refuse-link';

/** What a finished sign-in became. */
export type LinkOutcome =
  | { kind: 'linked'; link: Link }
  | { kind: 'refused'; refusal: LinkRefusal; signIn: SignIn; member: MemberKey }
  /** The emails differ and LINK_EMAIL_MATCH=confirm: whoever signed in must confirm first. */
  | { kind: 'confirm'; pending: PendingLink };

/**
 * RingCentral sent the browser back with a code for a state already spent: exchange it, then
 * link only a sign-in that is the member's own (their email, the workspace's account). Anything
 * else is refused, or with LINK_EMAIL_MATCH=confirm held for a second confirmation. A session
 * that does not end up stored or held is ended at RingCentral, whatever fails on the way.
 */
export async function completeLink(
  services: Services,
  code: string,
  state: OAuthState,
): Promise<LinkOutcome> {
  const signIn = await services.oauth.exchange(code, state);
  try {
    const account = await otherAccount(services, state.teamId, signIn.identity);
    const refusal = account ?? (await emailRefusal(services, state, signIn.identity));
    if (!refusal) return await storeLink(services, state, signIn);
    if (refusal.kind !== 'other_account' && services.config.linking.emailMatch === 'confirm') {
      return { kind: 'confirm', pending: await holdForConfirmation(services, state, signIn) };
    }
    await refuseLink(services, state, signIn, refusal);
    return { kind: 'refused', refusal, signIn, member: state };
  } catch (error) {
    await revokeTokens(services.credentials, signIn.tokens);
    throw error;
  }
}

/**
 * Stores the sign-in as the member's link (replacing and ending any earlier one), after pinning
 * the workspace to its account, and tells the member in Slack. Throws only before the link is
 * stored; the caller then ends the session.
 */
export async function storeLink(
  services: Services,
  attempt: LinkAttempt,
  signIn: SignIn,
): Promise<LinkOutcome> {
  const refusal = await pinAccount(services, attempt.teamId, signIn);
  if (refusal) {
    await refuseLink(services, attempt, signIn, refusal);
    return { kind: 'refused', refusal, signIn, member: attempt };
  }
  const { identity, tokens } = signIn;
  const replaced = await services.links.getLink(attempt);
  const link = await services.links.saveLink({
    teamId: attempt.teamId,
    userId: attempt.userId,
    identity,
    tokens,
  });
  // A relink ends the session it replaces, so no forgotten token stays valid at RingCentral.
  if (replaced?.tokens.refreshToken) {
    services.background.run(revokeTokens(services.credentials, replaced.tokens));
  }
  // The replaced identity's cached answers go too, loads still in flight included.
  if (replaced) services.cache.forgetIdentity(identityKeyOf(replaced.identity));
  // Events for the identity linked now, on a socket opened with this link's own token.
  await refreshEventSocket(services, link).catch((error) =>
    services.logger.warn({ message: (error as Error).message }, 'could not open the event socket'),
  );
  services.logger.info(
    { teamId: link.teamId, userId: link.userId, extension: identity.extensionNumber },
    'linked',
  );
  await confirmLink(services, link, attempt).catch((error) =>
    services.logger.warn(
      { message: (error as Error).message },
      'could not confirm the link in Slack',
    ),
  );
  return { kind: 'linked', link };
}
