/**
 * Rows of the linking flow's tables (Connect buttons, pending sign-ins, workspace accounts) as
 * both databases return them, and their mapping to the store's types. Shared, like rows.ts, so
 * the two stores seal and parse the same way.
 */
import type { TokenCipher } from './crypto';
import { type DbInt, fromDbInt } from './db-values';
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
import type { ConnectStart, PendingLink, WorkspaceAccount } from './types';

export interface ConnectStartRow {
  token_hash: string;
  team_id: string;
  user_id: string;
  channel_id: string | null;
  response_url: string | null;
  created_at: DbInt;
  expires_at: DbInt;
}

export interface PendingLinkRow extends IdentityRow, SealedTokensRow {
  id: string;
  team_id: string;
  user_id: string;
  account_name: string | null;
  channel_id: string | null;
  response_url: string | null;
  created_at: DbInt;
  expires_at: DbInt;
}

export interface WorkspaceAccountRow {
  team_id: string;
  account_id: string;
  account_name: string | null;
  pinned_at: DbInt;
}

/** Columns of pending_links in a fixed order (PostgreSQL binds them by position). */
export const PENDING_LINK_COLUMNS = [
  'id',
  'team_id',
  'user_id',
  ...IDENTITY_WRITE_COLUMNS,
  'account_name',
  ...TOKEN_WRITE_COLUMNS,
  'channel_id',
  'response_url',
  'created_at',
  'expires_at',
] as const satisfies readonly (keyof PendingLinkRow)[];

export const CONNECT_START_COLUMNS = [
  'token_hash',
  'team_id',
  'user_id',
  'channel_id',
  'response_url',
  'created_at',
  'expires_at',
] as const;

export const WORKSPACE_ACCOUNT_COLUMNS = [
  'team_id',
  'account_id',
  'account_name',
  'pinned_at',
] as const;

export function connectStartValues(start: ConnectStart): ConnectStartRow {
  return {
    token_hash: start.tokenHash,
    team_id: start.teamId,
    user_id: start.userId,
    channel_id: start.channelId,
    response_url: start.responseUrl,
    created_at: start.createdAt,
    expires_at: start.expiresAt,
  };
}

export function toConnectStart(row: ConnectStartRow): ConnectStart {
  return {
    tokenHash: row.token_hash,
    teamId: row.team_id,
    userId: row.user_id,
    channelId: row.channel_id,
    responseUrl: row.response_url,
    createdAt: fromDbInt(row.created_at),
    expiresAt: fromDbInt(row.expires_at),
  };
}

/** A pending sign-in's sealed token opens only in its own row and field. */
function pendingContext(id: string, field: TokenField): string {
  return `pending:${id}:${field}`;
}

export function pendingLinkValues(cipher: TokenCipher, pending: PendingLink): PendingLinkRow {
  return {
    id: pending.id,
    team_id: pending.teamId,
    user_id: pending.userId,
    ...identityValues(pending.identity),
    account_name: pending.accountName,
    ...sealedTokenValues(cipher, (field) => pendingContext(pending.id, field), pending.tokens),
    channel_id: pending.channelId,
    response_url: pending.responseUrl,
    created_at: pending.createdAt,
    expires_at: pending.expiresAt,
  };
}

/**
 * A stored pending sign-in. Tokens that no longer open (the key was dropped) come back empty:
 * such a sign-in cannot be completed, and there is no session left to end that we could name.
 */
export function toPendingLink(cipher: TokenCipher, row: PendingLinkRow): PendingLink {
  const open = (sealed: string, field: TokenField) => {
    try {
      return cipher.decrypt(sealed, pendingContext(row.id, field));
    } catch {
      return '';
    }
  };
  return {
    id: row.id,
    teamId: row.team_id,
    userId: row.user_id,
    identity: toIdentity(row),
    accountName: row.account_name,
    tokens: toTokenSet(row, open),
    channelId: row.channel_id,
    responseUrl: row.response_url,
    createdAt: fromDbInt(row.created_at),
    expiresAt: fromDbInt(row.expires_at),
  };
}

export function workspaceAccountValues(pin: WorkspaceAccount): WorkspaceAccountRow {
  return {
    team_id: pin.teamId,
    account_id: pin.accountId,
    account_name: pin.accountName,
    pinned_at: pin.pinnedAt,
  };
}

export function toWorkspaceAccount(row: WorkspaceAccountRow): WorkspaceAccount {
  return {
    teamId: row.team_id,
    accountId: row.account_id,
    accountName: row.account_name,
    pinnedAt: fromDbInt(row.pinned_at),
  };
}
