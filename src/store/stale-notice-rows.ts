/** Rows of `stale_notices` as both databases return them, and their mapping to StaleNotice. */
import { type DbInt, fromDbInt } from './db-values';
import type { StaleNotice } from './stale-notice-types';

export interface StaleNoticeRow {
  seq: DbInt;
  identity_key: string;
  origin: string;
}

export function toStaleNotice(row: StaleNoticeRow): StaleNotice {
  return { seq: fromDbInt(row.seq), identityKey: row.identity_key, origin: row.origin };
}
