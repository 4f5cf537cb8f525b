import { renderLinkedElsewhere } from '../blocks';
import { revokeTokens, type SignIn } from '../ringcentral/oauth';
import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import type { Link } from '../store/types';
import { type LinkOutcome, storeLink } from './complete-link';

export type PendingOutcome = LinkOutcome | { kind: 'gone' } | { kind: 'cancelled' };

/**
 * The second confirmation's answer (LINK_EMAIL_MATCH=confirm). The pending sign-in is taken in
 * one step, so the page works once; an expired or cancelled one has its session ended. A link
 * made this way is told, by DM, to the Slack member whose email the extension has, if any.
 */
export async function decidePendingLink(
  services: Services,
  id: string,
  decision: 'link' | 'cancel',
): Promise<PendingOutcome> {
  const pending = await services.links.takePendingLink(id);
  if (!pending) return { kind: 'gone' };
  const signIn: SignIn = {
    tokens: pending.tokens,
    identity: pending.identity,
    accountName: pending.accountName,
  };
  const who = { teamId: pending.teamId, userId: pending.userId };
  const usable = pending.expiresAt > services.now() && pending.tokens.refreshToken !== '';
  if (!usable || decision === 'cancel') {
    await revokeTokens(services.credentials, signIn.tokens);
    const outcome = usable ? 'cancelled' : 'gone';
    services.logger.warn(
      { ...who, extensionId: pending.identity.extensionId, outcome },
      'link not confirmed',
    );
    return { kind: outcome };
  }
  let outcome: LinkOutcome;
  try {
    outcome = await storeLink(services, pending, signIn);
  } catch (error) {
    await revokeTokens(services.credentials, signIn.tokens);
    throw error;
  }
  if (outcome.kind === 'linked') {
    services.logger.warn(
      { ...who, extensionId: pending.identity.extensionId },
      'linked after confirming that the emails differ',
    );
    await tellExtensionOwner(services, outcome.link);
  }
  return outcome;
}

/** The Slack member whose email the extension has learns whose Slack account now uses it. */
async function tellExtensionOwner(services: Services, link: Link): Promise<void> {
  const email = link.identity.email;
  if (!email) return;
  try {
    const owner = await services.people.userIdForEmail(link.teamId, email);
    if (!owner || owner === link.userId) return;
    await sendDirectMessage(
      services,
      owner,
      renderLinkedElsewhere({ extension: link.identity, slackUserId: link.userId }),
    );
  } catch (error) {
    services.logger.warn(
      { message: (error as Error).message },
      'could not tell the extension’s owner about the link',
    );
  }
}
