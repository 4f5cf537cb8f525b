/**
 * Stale notices on SQLite (`stale_notices`). SQLite writes one at a time, so a reader that has
 * seen seq N has seen every notice before it.
 */
import type Database from 'better-sqlite3';
import { type StaleNoticeRow, toStaleNotice } from './stale-notice-rows';
import type { StaleNotice, StaleNoticesStore } from './stale-notice-types';

export class SqliteStaleNotices implements StaleNoticesStore {
  constructor(private readonly sql: (text: string) => Database.Statement) {}

  async announce(identityKey: string, origin: string, at: number): Promise<void> {
    this.sql('INSERT INTO stale_notices (identity_key, origin, announced_at) VALUES (?, ?, ?)').run(
      identityKey,
      origin,
      at,
    );
  }

  async after(seq: number, limit: number): Promise<StaleNotice[]> {
    const rows = this.sql(
      'SELECT seq, identity_key, origin FROM stale_notices WHERE seq > ? ORDER BY seq LIMIT ?',
    ).all(seq, limit) as StaleNoticeRow[];
    return rows.map(toStaleNotice);
  }

  async latest(): Promise<number> {
    const row = this.sql('SELECT MAX(seq) AS seq FROM stale_notices').get() as {
      seq: number | null;
    };
    return Number(row.seq ?? 0);
  }

  async purge(before: number): Promise<number> {
    return this.sql('DELETE FROM stale_notices WHERE announced_at < ?').run(before).changes;
  }
}
