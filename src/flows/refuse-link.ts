import { renderLinkRefused } from '../blocks';
import type { LinkRefusal } from '../model';
import { revokeTokens, type SignIn } from '../ringcentral/oauth';
import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import { postToResponseUrl } from '../slack/respond';
import type { MemberKey } from '../store/types';

/** The Slack side of a sign-in: whose Connect button it came from, and where they asked. */
export interface LinkAttempt extends MemberKey {
  channelId: string | null;
  responseUrl: string | null;
}

/**
 * A finished sign-in that may not become the member's link: the session RingCentral just opened
 * is ended, nothing is stored or replaced, the refusal is logged (ids only), and the Slack
 * member is told why where they asked (else by DM), so a forwarded button cannot fail quietly.
 */
export async function refuseLink(
  services: Services,
  attempt: LinkAttempt,
  signIn: SignIn,
  refusal: LinkRefusal,
): Promise<void> {
  await revokeTokens(services.credentials, signIn.tokens);
  services.logger.warn(
    {
      teamId: attempt.teamId,
      userId: attempt.userId,
      accountId: signIn.identity.accountId,
      extensionId: signIn.identity.extensionId,
      reason: refusal.kind,
      ...(refusal.kind === 'other_account' ? { pinnedAccountId: refusal.expected.accountId } : {}),
    },
    'link refused',
  );
  const message = renderLinkRefused(refusal);
  try {
    if (
      attempt.responseUrl &&
      (await postToResponseUrl(attempt.responseUrl, message, { replace: false }))
    ) {
      return;
    }
    await sendDirectMessage(services, attempt.userId, message);
  } catch (error) {
    services.logger.warn(
      { userId: attempt.userId, message: (error as Error).message },
      'could not tell the member about the refused link',
    );
  }
}
