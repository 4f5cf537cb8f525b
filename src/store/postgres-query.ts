/** How the PostgreSQL links and members stores run their statements on the database's pool. */
import type pg from 'pg';
import type { MemberKey } from './types';

/** Runs one statement on the store's pool. */
export type PgQuery = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[],
) => Promise<pg.QueryResult<R>>;

/** The member key as `$1`, `$2`. */
export function keyParams(key: MemberKey): [string, string] {
  return [key.teamId, key.userId];
}
