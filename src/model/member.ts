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
