/** Who is asking: a Slack member, and who they are at RingCentral once linked. */

/** A link is keyed by Slack team id + Slack user id. */
export interface MemberKey {
  teamId: string;
  userId: string;
}

/** Who the Slack user is at RingCentral, read from `/extension/~` when they link. */
export interface LinkedIdentity {
  accountId: string;
  extensionId: string;
  extensionNumber: string;
  name: string;
  extensionType: string;
  isAdmin: boolean;
  email: string | null;
}

/** Why a finished RingCentral sign-in was not made the Slack member's link. */
export type LinkRefusal =
  | { kind: 'other_account'; expected: { accountId: string; accountName: string | null } }
  | { kind: 'email_mismatch' }
  | { kind: 'no_slack_email' }
  | { kind: 'no_ringcentral_email' };
