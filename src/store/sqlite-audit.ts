/** The audit trail of channel shares on SQLite: one row per share in `share_audit`. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SHARE_COLUMNS, type ShareRow, shareValues, toShare } from './admin-rows';
import type { AuditStore, NewShareRecord, ShareQuery, ShareRecord } from './admin-types';

const SCOPE = 'team_id = ? AND account_id = ? AND shared_at >= ?';

export class SqliteAudit implements AuditStore {
  constructor(private readonly sql: (text: string) => Database.Statement) {}

  async recordShare(share: NewShareRecord): Promise<ShareRecord> {
    const id = randomUUID();
    const marks = SHARE_COLUMNS.map(() => '?').join(', ');
    this.sql(`INSERT INTO share_audit (${SHARE_COLUMNS.join(', ')}) VALUES (${marks})`).run(
      ...shareValues(id, share),
    );
    return { ...share, id };
  }

  async recentShares(query: ShareQuery): Promise<{ total: number; items: ShareRecord[] }> {
    const scope = [query.teamId, query.accountId, query.since];
    const { total } = this.sql(`SELECT COUNT(*) AS total FROM share_audit WHERE ${SCOPE}`).get(
      ...scope,
    ) as { total: number };
    const rows = this.sql(
      `SELECT * FROM share_audit WHERE ${SCOPE} ORDER BY shared_at DESC, id DESC LIMIT ? OFFSET ?`,
    ).all(...scope, query.limit, query.offset) as ShareRow[];
    return { total, items: rows.map(toShare) };
  }

  async purgeSharesBefore(cutoff: number): Promise<number> {
    return this.sql('DELETE FROM share_audit WHERE shared_at < ?').run(cutoff).changes;
  }
}
