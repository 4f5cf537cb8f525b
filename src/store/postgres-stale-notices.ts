/**
 * Stale notices on PostgreSQL (`stale_notices`). A sequence hands out numbers before commit,
 * so two concurrent inserts could become visible out of order and a reader past the later one
 * would never see the earlier: each announce holds one advisory lock for its transaction, so
 * notices commit in the order of their numbers. Announces are rare (one per event).
 */
import type pg from 'pg';
import type { NameFn } from './migrations';
import type { PgQuery } from './postgres-query';
import { type StaleNoticeRow, toStaleNotice } from './stale-notice-rows';
import type { StaleNotice, StaleNoticesStore } from './stale-notice-types';

export class PostgresStaleNotices implements StaleNoticesStore {
  constructor(
    private readonly pool: () => pg.Pool,
    private readonly query: PgQuery,
    private readonly name: NameFn,
  ) {}

  async announce(identityKey: string, origin: string, at: number): Promise<void> {
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('rcnumber-stale-notices'))");
      await client.query(
        `INSERT INTO ${this.name('stale_notices')} (identity_key, origin, announced_at)
         VALUES ($1, $2, $3)`,
        [identityKey, origin, at],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async after(seq: number, limit: number): Promise<StaleNotice[]> {
    const result = await this.query<StaleNoticeRow>(
      `SELECT seq, identity_key, origin FROM ${this.name('stale_notices')}
       WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [seq, limit],
    );
    return result.rows.map(toStaleNotice);
  }

  async latest(): Promise<number> {
    const result = await this.query<{ seq: string | null }>(
      `SELECT MAX(seq) AS seq FROM ${this.name('stale_notices')}`,
      [],
    );
    return Number(result.rows[0]?.seq ?? 0);
  }

  async purge(before: number): Promise<number> {
    const result = await this.query(
      `DELETE FROM ${this.name('stale_notices')} WHERE announced_at < $1`,
      [before],
    );
    return result.rowCount ?? 0;
  }
}
