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

/**
 * A session's lease holder name, `pg/<backend pid>/<backend start in µs>`, from its row in
 * pg_stat_activity aliased `alias`. The start time tells a reused backend pid apart.
 */
export function presenceTagSql(alias: string): string {
  return `('pg/' || ${alias}.pid || '/' || (EXTRACT(EPOCH FROM ${alias}.backend_start) * 1000000)::bigint)`;
}
