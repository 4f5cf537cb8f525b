import { revokeTokens } from '../ringcentral/oauth';
import { identityKeyOf } from '../ringcentral/user-session';
import type { Services } from '../services';
import type { Link, OAuthState } from '../store/types';
import { confirmLink } from './confirm-link';

/**
 * RingCentral sent the member back with a code for a state already spent: exchange it, store
 * the link (replacing and ending any earlier one) and tell the member in Slack. The link is
 * stored only after the code exchange and the identity read both succeed.
 */
export async function completeLink(
  services: Services,
  code: string,
  state: OAuthState,
): Promise<Link> {
  const { tokens, identity } = await services.oauth.exchange(code, state);
  const replaced = await services.links.getLink(state);
  const link = await services.links
    .saveLink({ teamId: state.teamId, userId: state.userId, identity, tokens })
    .catch(async (error) => {
      // Not stored, so not kept: end the session RingCentral just opened.
      await revokeTokens(services.credentials, tokens);
      throw error;
    });
  // A relink ends the session it replaces, so no forgotten token stays valid at RingCentral.
  if (replaced?.tokens.refreshToken) {
    services.background.run(revokeTokens(services.credentials, replaced.tokens));
  }
  // The replaced identity's cached answers go too, loads still in flight included.
  if (replaced) services.cache.forgetIdentity(identityKeyOf(replaced.identity));
  services.logger.info(
    { teamId: link.teamId, userId: link.userId, extension: identity.extensionNumber },
    'linked',
  );
  await confirmLink(services, link, state).catch((error) =>
    services.logger.warn(
      { message: (error as Error).message },
      'could not confirm the link in Slack',
    ),
  );
  return link;
}
