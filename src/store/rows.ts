/**
 * Rows as both databases return them, and their mapping to the store's types. Shared so the two
 * stores cannot drift apart: the same columns, the same sealing of tokens, the same parsing.
 */
import { type TokenCipher, TokenDecryptError } from './crypto';
import { type DbInt, fromDbInt, fromNullableDbInt } from './db-values';
import {
  IDENTITY_WRITE_COLUMNS,
  type IdentityRow,
  identityValues,
  type SealedTokensRow,
  sealedTokenValues,
  TOKEN_WRITE_COLUMNS,
  type TokenField,
  toIdentity,
  toTokenSet,
} from './identity-token-rows';
import type {
  Link,
  LinkCounts,
  MemberKey,
  MemberRecord,
  NewLink,
  OAuthState,
  TokenSet,
} from './types';

export interface LinkRow extends IdentityRow, SealedTokensRow {
  team_id: string;
  user_id: string;
  version: DbInt;
  status: string;
  broken_reason: string | null;
  linked_at: DbInt;
  updated_at: DbInt;
}

export interface OAuthStateRow {
  state: string;
  team_id: string;
  user_id: string;
  code_verifier: string;
  channel_id: string | null;
  response_url: string | null;
  created_at: DbInt;
  expires_at: DbInt;
}

export interface MemberRow {
  team_id: string;
  user_id: string;
  welcomed_at: DbInt | null;
  last_prompted_at: DbInt | null;
  link_opened_at: DbInt | null;
  reminder_due_at: DbInt | null;
  reminder_sent_at: DbInt | null;
  broken_notice_version: DbInt | null;
}

export interface MemberKeyRow {
  team_id: string;
  user_id: string;
}

/** Columns a saveLink writes, in a fixed order (PostgreSQL binds them by position). */
export const LINK_WRITE_COLUMNS = [
  'team_id',
  'user_id',
  ...IDENTITY_WRITE_COLUMNS,
  ...TOKEN_WRITE_COLUMNS,
  'linked_at',
  'updated_at',
] as const;

export type LinkWriteColumn = (typeof LINK_WRITE_COLUMNS)[number];

/** Columns of oauth_states in a fixed order (PostgreSQL binds them by position). */
export const OAUTH_STATE_COLUMNS = [
  'state',
  'team_id',
  'user_id',
  'code_verifier',
  'channel_id',
  'response_url',
  'created_at',
  'expires_at',
] as const satisfies readonly (keyof OAuthStateRow)[];

/** What getLink reports for a link whose sealed tokens no longer open. */
export const UNREADABLE_TOKENS_REASON =
  'Your stored RingCentral tokens can no longer be read (the encryption key changed). Connect again.';

/** What binds a sealed token to its row and field: a copied ciphertext no longer opens. */
function tokenContext(key: MemberKey, field: TokenField): string {
  return `link:${key.teamId}:${key.userId}:${field}`;
}

export function tokenValues(
  cipher: TokenCipher,
  key: MemberKey,
  tokens: TokenSet,
): SealedTokensRow {
  return sealedTokenValues(cipher, (field) => tokenContext(key, field), tokens);
}

export function linkValues(
  cipher: TokenCipher,
  link: NewLink,
  now: number,
): Record<LinkWriteColumn, string | number | boolean | null> {
  return {
    team_id: link.teamId,
    user_id: link.userId,
    ...identityValues(link.identity),
    ...tokenValues(cipher, link, link.tokens),
    linked_at: now,
    updated_at: now,
  };
}

/**
 * A stored link as the app sees it. Tokens that no longer open (their key was dropped from
 * TOKEN_ENCRYPTION_KEY, or the value was altered or moved) make the link broken with empty
 * tokens rather than an error: the member then sees a reconnect prompt and can still unlink,
 * instead of every request of theirs failing.
 */
export function toLink(cipher: TokenCipher, row: LinkRow): Link {
  const key = { teamId: row.team_id, userId: row.user_id };
  const stored = {
    ...key,
    identity: toIdentity(row),
    version: fromDbInt(row.version),
    linkedAt: fromDbInt(row.linked_at),
    updatedAt: fromDbInt(row.updated_at),
  };
  const tokens = openTokens(cipher, key, row);
  if (!tokens) {
    return {
      ...stored,
      tokens: { ...NO_TOKENS, ownerId: row.owner_id ?? '' },
      status: 'broken',
      brokenReason: UNREADABLE_TOKENS_REASON,
    };
  }
  return {
    ...stored,
    tokens,
    status: row.status === 'broken' ? 'broken' : 'active',
    brokenReason: row.broken_reason,
  };
}

const NO_TOKENS: TokenSet = {
  accessToken: '',
  refreshToken: '',
  accessTokenExpiresAt: 0,
  refreshTokenExpiresAt: 0,
  scope: '',
  ownerId: '',
};

/** The row's token pair, or null when its sealed values cannot be opened with our keys. */
function openTokens(cipher: TokenCipher, key: MemberKey, row: LinkRow): TokenSet | null {
  try {
    return toTokenSet(row, (sealed, field) => cipher.decrypt(sealed, tokenContext(key, field)));
  } catch (error) {
    if (error instanceof TokenDecryptError) return null;
    throw error;
  }
}

export function oauthStateValues(state: OAuthState): OAuthStateRow {
  return {
    state: state.state,
    team_id: state.teamId,
    user_id: state.userId,
    code_verifier: state.codeVerifier,
    channel_id: state.channelId,
    response_url: state.responseUrl,
    created_at: state.createdAt,
    expires_at: state.expiresAt,
  };
}

export function toOAuthState(row: OAuthStateRow): OAuthState {
  return {
    state: row.state,
    teamId: row.team_id,
    userId: row.user_id,
    codeVerifier: row.code_verifier,
    channelId: row.channel_id,
    responseUrl: row.response_url,
    createdAt: fromDbInt(row.created_at),
    expiresAt: fromDbInt(row.expires_at),
  };
}

export function toMember(row: MemberRow): MemberRecord {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    welcomedAt: fromNullableDbInt(row.welcomed_at),
    lastPromptedAt: fromNullableDbInt(row.last_prompted_at),
    linkOpenedAt: fromNullableDbInt(row.link_opened_at),
    reminderDueAt: fromNullableDbInt(row.reminder_due_at),
    reminderSentAt: fromNullableDbInt(row.reminder_sent_at),
    brokenNoticeVersion: fromNullableDbInt(row.broken_notice_version ?? null),
  };
}

/** A member key as named parameters (SQLite binds by name). */
export function keyValues(key: MemberKey): MemberKeyRow {
  return { team_id: key.teamId, user_id: key.userId };
}

export function toMemberKey(row: MemberKeyRow): MemberKey {
  return { teamId: row.team_id, userId: row.user_id };
}

/** `SELECT status, COUNT(*)` rows as counts (PostgreSQL answers COUNT as a string). */
export function countsOf(rows: Array<{ status: string; n: DbInt }>): LinkCounts {
  const counts: LinkCounts = { active: 0, broken: 0 };
  for (const row of rows) {
    if (row.status === 'active' || row.status === 'broken') counts[row.status] = fromDbInt(row.n);
  }
  return counts;
}
