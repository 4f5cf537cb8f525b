/**
 * What the admin tools keep: the audit trail of channel shares, and the RingCentral event
 * subscription of each link (issue: admin tools and live answers). Every implementation
 * (SQLite, PostgreSQL) passes the contract suites in test/store/.
 */
import type { MemberKey, ShareRecord } from '../model';

export type { ShareRecord };

export type NewShareRecord = Omit<ShareRecord, 'id'>;

export interface ShareQuery {
  teamId: string;
  /** Only shares read under this RingCentral account: an admin sees their own account's. */
  accountId: string;
  /** Shares at or after this time. */
  since: number;
  offset: number;
  limit: number;
}

/** The audit trail of shares to channels. */
export interface AuditStore {
  recordShare(share: NewShareRecord): Promise<ShareRecord>;
  /** Shares matching the query, newest first, and how many match in all. */
  recentShares(query: ShareQuery): Promise<{ total: number; items: ShareRecord[] }>;
  /** Forgets shares made before `cutoff`; returns how many. */
  purgeSharesBefore(cutoff: number): Promise<number>;
}

/** The RingCentral identity a subscription was created under. */
export interface SubscriptionOwner {
  accountId: string;
  extensionId: string;
}

/**
 * A link's webhook subscription at RingCentral. A row without `subscriptionId` is one being
 * created (or waiting to be retried); `nextCheckAt` is when upkeep looks at it next.
 */
export interface EventSubscription extends MemberKey, SubscriptionOwner {
  subscriptionId: string | null;
  /** SHA-256 (hex) of the verification token RingCentral sends with each event: never the token. */
  tokenHash: string | null;
  expiresAt: number | null;
  nextCheckAt: number;
  updatedAt: number;
}

export interface CreatedSubscription {
  subscriptionId: string;
  tokenHash: string;
  expiresAt: number;
  nextCheckAt: number;
}

/** Linked members whose link has no subscription row yet, with their identity. */
export interface UnsubscribedLink extends MemberKey, SubscriptionOwner {}

/** An active link's member and who it is at RingCentral (no tokens). */
export interface ActiveLink extends UnsubscribedLink {
  isAdmin: boolean;
}

/** Each link's event subscription. Claims are atomic, so two processes never both act on one. */
export interface SubscriptionsStore {
  get(key: MemberKey): Promise<EventSubscription | null>;
  bySubscriptionId(subscriptionId: string): Promise<EventSubscription | null>;
  /** Active links with no subscription row, oldest link first, at most `limit`. */
  linksWithout(limit: number): Promise<UnsubscribedLink[]>;
  /** Every active link's member and identity, oldest link first, at most `limit` (WebSockets). */
  activeLinks(limit: number): Promise<ActiveLink[]>;
  /**
   * Inserts a pending row (no subscription yet) for a member that has none, to be looked at
   * again at `retryAt`; true only for the one caller that inserted it.
   */
  claimNew(
    key: MemberKey,
    owner: SubscriptionOwner,
    now: number,
    retryAt: number,
  ): Promise<boolean>;
  /** Rows whose `nextCheckAt` has come, earliest first, at most `limit`. */
  due(now: number, limit: number): Promise<EventSubscription[]>;
  /**
   * Takes a due row for upkeep by moving its next check to `leaseUntil`, only if it is still as
   * read (same subscription, same next check); true for the one caller that took it.
   */
  claimDue(row: EventSubscription, leaseUntil: number, now: number): Promise<boolean>;
  /** Stores what RingCentral created, if the row still holds `expected` (null: pending). */
  saveCreated(
    key: MemberKey,
    expected: string | null,
    created: CreatedSubscription,
    now: number,
  ): Promise<boolean>;
  /** A new next check (and expiry, after a renewal) if the row still holds `subscriptionId`. */
  reschedule(
    key: MemberKey,
    subscriptionId: string | null,
    nextCheckAt: number,
    now: number,
    expiresAt?: number,
  ): Promise<boolean>;
  /** Deletes the member's row (only if it holds `subscriptionId`, when given); true when deleted. */
  remove(key: MemberKey, subscriptionId?: string | null): Promise<boolean>;
}
