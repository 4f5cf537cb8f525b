/**
 * The columns links and pending sign-ins both hold: the member's identity at RingCentral and a
 * sealed token pair, with their mapping to the store's types. Each table seals its tokens under
 * its own context (see rows.ts and link-flow-rows.ts), so a ciphertext opens only where it was
 * written.
 */
import type { TokenCipher } from './crypto';
import { type DbBool, type DbInt, fromDbBool, fromDbInt } from './db-values';
import type { LinkedIdentity, TokenSet } from './types';

/** The member's identity at RingCentral, as links and pending sign-ins both hold it. */
export interface IdentityRow {
  account_id: string;
  extension_id: string;
  extension_number: string;
  name: string;
  extension_type: string;
  is_admin: DbBool;
  email: string | null;
}

/** A sealed token pair, as links and pending sign-ins both hold it. */
export interface SealedTokensRow {
  access_token_sealed: string;
  refresh_token_sealed: string;
  access_token_expires_at: DbInt;
  refresh_token_expires_at: DbInt;
  scope: string;
  owner_id: string;
}

/** Columns that hold the member's identity at RingCentral. */
export const IDENTITY_WRITE_COLUMNS = [
  'account_id',
  'extension_id',
  'extension_number',
  'name',
  'extension_type',
  'is_admin',
  'email',
] as const satisfies readonly (keyof IdentityRow)[];

/** Columns an updateTokens writes (besides version and updated_at). */
export const TOKEN_WRITE_COLUMNS = [
  'access_token_sealed',
  'refresh_token_sealed',
  'access_token_expires_at',
  'refresh_token_expires_at',
  'scope',
  'owner_id',
] as const satisfies readonly (keyof SealedTokensRow)[];

export type TokenField = 'access' | 'refresh';

export function identityValues(identity: LinkedIdentity): IdentityRow {
  return {
    account_id: identity.accountId,
    extension_id: identity.extensionId,
    extension_number: identity.extensionNumber,
    name: identity.name,
    extension_type: identity.extensionType,
    is_admin: identity.isAdmin,
    email: identity.email,
  };
}

export function toIdentity(row: IdentityRow): LinkedIdentity {
  return {
    accountId: row.account_id,
    extensionId: row.extension_id,
    extensionNumber: row.extension_number,
    name: row.name,
    extensionType: row.extension_type,
    isAdmin: fromDbBool(row.is_admin),
    email: row.email,
  };
}

/** A token pair's columns, each token sealed under the context `contextOf` gives its field. */
export function sealedTokenValues(
  cipher: TokenCipher,
  contextOf: (field: TokenField) => string,
  tokens: TokenSet,
): SealedTokensRow {
  return {
    access_token_sealed: cipher.encrypt(tokens.accessToken, contextOf('access')),
    refresh_token_sealed: cipher.encrypt(tokens.refreshToken, contextOf('refresh')),
    access_token_expires_at: tokens.accessTokenExpiresAt,
    refresh_token_expires_at: tokens.refreshTokenExpiresAt,
    scope: tokens.scope,
    owner_id: tokens.ownerId,
  };
}

/** The token pair of a sealed row; `open` opens each token and decides what one that fails is. */
export function toTokenSet(
  row: SealedTokensRow,
  open: (sealed: string, field: TokenField) => string,
): TokenSet {
  return {
    accessToken: open(row.access_token_sealed, 'access'),
    refreshToken: open(row.refresh_token_sealed, 'refresh'),
    accessTokenExpiresAt: fromDbInt(row.access_token_expires_at),
    refreshTokenExpiresAt: fromDbInt(row.refresh_token_expires_at),
    scope: row.scope,
    ownerId: row.owner_id,
  };
}
