import type { LinkRefusal } from '../model';
import type { SignIn } from '../ringcentral/oauth';
import type { Services } from '../services';
import type { LinkedIdentity, MemberKey } from '../store/types';

export type { LinkRefusal };

/**
 * The workspace links to one RingCentral account: RC_ACCOUNT_ID when set, else the account of
 * its first link. A sign-in from any other account is refused, so a member cannot bring a
 * foreign company's access (or an account they control) into the workspace.
 */
export async function otherAccount(
  services: Services,
  teamId: string,
  identity: LinkedIdentity,
): Promise<LinkRefusal | null> {
  const pinned = await services.links.getWorkspaceAccount(teamId);
  const configured = services.config.linking.accountId;
  const expected = configured
    ? {
        accountId: configured,
        accountName: pinned?.accountId === configured ? pinned.accountName : null,
      }
    : pinned
      ? { accountId: pinned.accountId, accountName: pinned.accountName }
      : null;
  if (!expected || expected.accountId === identity.accountId) return null;
  return { kind: 'other_account', expected };
}

/**
 * Pins the workspace to this sign-in's account, atomically: of two first links from different
 * accounts at once, one wins and the other is refused here. Runs just before a link is stored.
 */
export async function pinAccount(
  services: Services,
  teamId: string,
  signIn: SignIn,
): Promise<LinkRefusal | null> {
  const early = await otherAccount(services, teamId, signIn.identity);
  if (early) return early;
  const pin = await services.links.pinWorkspaceAccount({
    teamId,
    accountId: signIn.identity.accountId,
    accountName: signIn.accountName,
    pinnedAt: services.now(),
  });
  // With RC_ACCOUNT_ID set the pin only records the company name; the setting decides.
  if (services.config.linking.accountId || pin.accountId === signIn.identity.accountId) return null;
  return {
    kind: 'other_account',
    expected: { accountId: pin.accountId, accountName: pin.accountName },
  };
}

/**
 * Whether the RingCentral extension is the Slack member's own: its email (contact.email) must
 * equal the member's Slack profile email, trimmed and ignoring case. Without an email on either
 * side nothing can be matched.
 */
export async function emailRefusal(
  services: Services,
  member: MemberKey,
  identity: LinkedIdentity,
): Promise<LinkRefusal | null> {
  const ringcentral = normalEmail(identity.email);
  if (!ringcentral) return { kind: 'no_ringcentral_email' };
  const person = await services.people.member(member.teamId, member.userId);
  const slack = normalEmail(person?.email ?? null);
  if (!slack) return { kind: 'no_slack_email' };
  return slack === ringcentral ? null : { kind: 'email_mismatch' };
}

export function normalEmail(email: string | null): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}
