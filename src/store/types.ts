/**
 * What the app keeps between requests, in one database with two stores: the links store (one
 * RingCentral link per Slack user, the short-lived OAuth states of links in progress, refresh
 * leases) and the members store (the onboarding record of each member). Every implementation
 * (SQLite, PostgreSQL) passes the same contract suites in test/store/.
 */
import type { LinkedIdentity, MemberKey } from '../model';
import type { AuditStore, SubscriptionsStore } from './admin-types';
import type { InstallationsStore } from './installation-types';
import type { RateLedger } from './rate-types';
import type { StaleNoticesStore } from './stale-notice-types';

export type * from './admin-types';
export type * from './installation-types';
export type * from './rate-types';
export type * from './stale-notice-types';
export type { LinkedIdentity, MemberKey };

/** The RingCentral token pair of one link, as issued by the token endpoint. Times are epoch ms. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: number;
  refreshTokenExpiresAt: number;
  scope: string;
  /** `owner_id` of the token response: the RingCentral extension id. */
  ownerId: string;
}

export type LinkStatus = 'active' | 'broken';

export interface Link extends MemberKey {
  identity: LinkedIdentity;
  tokens: TokenSet;
  /** Bumped by every write of the token pair: the compare-and-swap token for refreshes. */
  version: number;
  status: LinkStatus;
  /** Why a broken link broke, in words a user can read ("RingCentral refused the refresh token"). */
  brokenReason: string | null;
  linkedAt: number;
  updatedAt: number;
}

export interface NewLink extends MemberKey {
  identity: LinkedIdentity;
  tokens: TokenSet;
}

/** An OAuth authorization in progress. Single use; expires. */
export interface OAuthState extends MemberKey {
  state: string;
  /** PKCE verifier: kept here, never sent anywhere but the token endpoint. */
  codeVerifier: string;
  /** Where to confirm the link in Slack, when known. */
  channelId: string | null;
  responseUrl: string | null;
  createdAt: number;
  expiresAt: number;
}

/**
 * What a Connect button's opaque token stands for: who it is for and where to confirm the link.
 * Only a hash of the token is stored, so the database never holds a usable button.
 */
export interface ConnectStart extends MemberKey {
  /** SHA-256 of the token in the button's URL (base64url). */
  tokenHash: string;
  channelId: string | null;
  responseUrl: string | null;
  createdAt: number;
  expiresAt: number;
}

/**
 * A sign-in whose RingCentral email differs from the Slack member's, waiting for whoever signed
 * in to confirm it on a second page. Holds the session RingCentral issued (sealed at rest);
 * single use, short-lived, and bound to the browser that signed in.
 */
export interface PendingLink extends MemberKey {
  id: string;
  identity: LinkedIdentity;
  /** The RingCentral company name the sign-in reported, when it did. */
  accountName: string | null;
  tokens: TokenSet;
  channelId: string | null;
  responseUrl: string | null;
  createdAt: number;
  expiresAt: number;
}

/** The one RingCentral account a Slack workspace links to, fixed by its first link. */
export interface WorkspaceAccount {
  teamId: string;
  accountId: string;
  accountName: string | null;
  pinnedAt: number;
}

/** Onboarding history of one member (issue: onboarding). Times are epoch ms or null. */
export interface MemberRecord extends MemberKey {
  welcomedAt: number | null;
  lastPromptedAt: number | null;
  linkOpenedAt: number | null;
  reminderDueAt: number | null;
  reminderSentAt: number | null;
  /** The version of the broken link the member was told about by DM, if any. */
  brokenNoticeVersion: number | null;
}

/** The database: owns the connection and both stores, which share it. */
export interface Store {
  /** Opens the connection and creates or migrates the schema. Idempotent. */
  connect(): Promise<void>;
  /** Closes only what this store opened. */
  close(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Links, the OAuth states of links in progress, and refresh leases. */
  readonly links: LinksStore;
  /** Onboarding: welcomes, prompts and reminders. */
  readonly members: MembersStore;
  /** Slack installations, in many-workspace mode. */
  readonly installations: InstallationsStore;
  /** The audit trail of channel shares. */
  readonly audit: AuditStore;
  /** Each link's RingCentral event subscription. */
  readonly subscriptions: SubscriptionsStore;
  /** RingCentral requests sent per person and rate group, shared by every app process. */
  readonly rates: RateLedger;
  /** Identities whose cached answers an event made stale, for every process to forget. */
  readonly staleNotices: StaleNoticesStore;
}

/** What forgetting a workspace took out of the links store: sessions to end at RingCentral. */
export interface ForgottenWorkspace {
  links: Link[];
  pendingLinks: PendingLink[];
}

/** Each member's RingCentral link, the OAuth states that create links, and refresh leases. */
export interface LinkCounts {
  active: number;
  broken: number;
}

export interface LinksStore {
  /**
   * The member's link. A link whose tokens can no longer be decrypted (its key was removed from
   * TOKEN_ENCRYPTION_KEY) comes back `broken`, with a reason and empty tokens, so the member is
   * asked to connect again and can still unlink.
   */
  getLink(key: MemberKey): Promise<Link | null>;
  /** Inserts, or atomically replaces the member's existing link (relinking). Returns the stored link. */
  saveLink(link: NewLink): Promise<Link>;
  /** Deletes the member's link; true when there was one. */
  deleteLink(key: MemberKey): Promise<boolean>;
  /** How many links there are, working and broken (for the metrics). */
  countLinks(): Promise<LinkCounts>;
  /**
   * Writes a new token pair (and, when given, the identity as RingCentral now describes it)
   * only if the stored version is still `expectedVersion`; returns the updated link, or null
   * when someone else wrote first (or the link is gone).
   */
  updateTokens(
    key: MemberKey,
    expectedVersion: number,
    tokens: TokenSet,
    identity?: LinkedIdentity,
  ): Promise<Link | null>;
  /**
   * Writes the identity as RingCentral now describes the member (promoted, demoted, renamed)
   * only if the stored version is still `expectedVersion`, leaving tokens and version as they
   * are; returns the updated link, or null when the link changed meanwhile (or is gone).
   */
  updateIdentity(
    key: MemberKey,
    expectedVersion: number,
    identity: LinkedIdentity,
  ): Promise<Link | null>;
  /**
   * Marks the link broken; with `expectedVersion`, only if the stored version is still that one
   * (so a stale process cannot break a link another process just renewed). True when marked.
   */
  markBroken(key: MemberKey, reason: string, expectedVersion?: number): Promise<boolean>;

  /**
   * A lease that lets exactly one process refresh a link's tokens at a time. True when `owner`
   * now holds it (free, expired, or already held by `owner`).
   */
  tryAcquireRefreshLease(key: MemberKey, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees the lease if `owner` holds it; a lease held by anyone else stays. */
  releaseRefreshLease(key: MemberKey, owner: string): Promise<void>;

  /**
   * Stores a new OAuth state until it is consumed or expires. With `keepPerMember`, the member's
   * other states beyond the newest `keepPerMember - 1` are spent, so replayed starts cannot pile
   * states up; the new state always stays.
   */
  saveOAuthState(state: OAuthState, keepPerMember?: number): Promise<void>;
  /** Returns and deletes the state in one step; null when unknown, used, or expired at `now`. */
  consumeOAuthState(state: string, now: number): Promise<OAuthState | null>;
  /** Removes expired states; returns how many. */
  purgeExpiredOAuthStates(now: number): Promise<number>;

  /** Stores what a new Connect button stands for, under the hash of its token. */
  saveConnectStart(start: ConnectStart): Promise<void>;
  /** What the button with this token hash stands for; null when unknown or expired at `now`. */
  findConnectStart(tokenHash: string, now: number): Promise<ConnectStart | null>;
  /** Removes expired Connect buttons; returns how many. */
  purgeExpiredConnectStarts(now: number): Promise<number>;

  /** Stores a sign-in that waits for its second confirmation (tokens sealed). */
  savePendingLink(pending: PendingLink): Promise<void>;
  /**
   * Returns and deletes the pending sign-in in one step, expired or not (the caller ends an
   * expired one's session); null when unknown or already taken.
   */
  takePendingLink(id: string): Promise<PendingLink | null>;
  /** Returns and deletes up to `limit` pending sign-ins expired at `now`, to end their sessions. */
  takeExpiredPendingLinks(now: number, limit: number): Promise<PendingLink[]>;

  /** The RingCentral account the workspace is pinned to; null before its first link. */
  getWorkspaceAccount(teamId: string): Promise<WorkspaceAccount | null>;
  /**
   * Pins the workspace to `pin.accountId` unless it is pinned already (atomic: of concurrent
   * first links, one wins). Returns the pin that holds, which may be another account's.
   */
  pinWorkspaceAccount(pin: WorkspaceAccount): Promise<WorkspaceAccount>;

  /**
   * Forgets workspace `teamId` (the app was removed from it): its links, OAuth states, Connect
   * buttons, pending sign-ins and account pin. Returns the links and pending sign-ins it removed,
   * whose RingCentral sessions the caller ends.
   */
  forgetWorkspace(teamId: string): Promise<ForgottenWorkspace>;
}

/** The onboarding record of each member: the welcome, link prompts and the one reminder. */
export interface MembersStore {
  /** The member's onboarding record; null when nothing was recorded for them yet. */
  getMember(key: MemberKey): Promise<MemberRecord | null>;
  /** Records the welcome DM; true only the first time for this member (atomic). */
  markWelcomed(key: MemberKey, at: number): Promise<boolean>;
  /** Records a prompt at `at` unconditionally (the member was just asked to connect). */
  recordPrompt(key: MemberKey, at: number): Promise<void>;
  /**
   * Records a prompt at `at` unless the member was prompted at or after `quietSince`; true only
   * for the one caller that records it (atomic), so concurrent runs never prompt twice.
   */
  claimPrompt(key: MemberKey, at: number, quietSince: number): Promise<boolean>;
  /** Forgets the prompt recorded at `at` (its message could not be sent). */
  releasePrompt(key: MemberKey, at: number): Promise<void>;
  /**
   * The member opened the link page: remember it and (re)schedule their reminder at
   * `reminderDueAt`, unless their one reminder was already sent.
   */
  noteLinkOpened(key: MemberKey, at: number, reminderDueAt: number): Promise<void>;
  /** Members whose reminder is due at `now`, not yet sent, at most `limit`. */
  dueReminders(now: number, limit: number): Promise<MemberKey[]>;
  /** Marks the reminder sent; true only for the one caller that claims it (atomic). */
  claimReminder(key: MemberKey, now: number): Promise<boolean>;
  /** Cancels a pending reminder (the member linked). */
  cancelReminder(key: MemberKey): Promise<void>;
  /** Forgets the onboarding records of workspace `teamId` (the app was removed); how many. */
  forgetWorkspace(teamId: string): Promise<number>;
  /**
   * Claims telling the member that their link broke, once per broken link: `linkVersion` is
   * the version the link had when it broke (versions never repeat, and a relink gets a higher
   * one). True only for the one caller that claims it (atomic); false for a version already
   * told, or older than one told.
   */
  claimBrokenNotice(key: MemberKey, linkVersion: number): Promise<boolean>;
  /** Forgets the claim of `linkVersion` (its DM could not be sent), so a later try may send it. */
  releaseBrokenNotice(key: MemberKey, linkVersion: number): Promise<void>;
}
