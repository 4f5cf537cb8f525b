/** The audit trail of channel shares on PostgreSQL: one row per share in `share_audit`. */
import { randomUUID } from 'node:crypto';
import { SHARE_COLUMNS, type ShareRow, shareValues, toShare } from './admin-rows';
import type { AuditStore, NewShareRecord, ShareQuery, ShareRecord } from './admin-types';
import type { NameFn } from './migrations';
import type { PgQuery } from './postgres-query';

const SCOPE = 'team_id = $1 AND account_id = $2 AND shared_at >= $3';

export class PostgresAudit implements AuditStore {
  private readonly table: string;

  constructor(
    private readonly query: PgQuery,
    name: NameFn,
  ) {
    this.table = name('share_audit');
  }

  async recordShare(share: NewShareRecord): Promise<ShareRecord> {
    const id = randomUUID();
    const marks = SHARE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    await this.query(
      `INSERT INTO ${this.table} (${SHARE_COLUMNS.join(', ')}) VALUES (${marks})`,
      shareValues(id, share),
    );
    return { ...share, id };
  }

  async recentShares(query: ShareQuery): Promise<{ total: number; items: ShareRecord[] }> {
    const scope = [query.teamId, query.accountId, query.since];
    const counted = await this.query<{ total: string }>(
      `SELECT COUNT(*) AS total FROM ${this.table} WHERE ${SCOPE}`,
      scope,
    );
    const { rows } = await this.query<ShareRow>(
      `SELECT * FROM ${this.table} WHERE ${SCOPE}
        ORDER BY shared_at DESC, id DESC LIMIT $4 OFFSET $5`,
      [...scope, query.limit, query.offset],
    );
    return { total: Number(counted.rows[0]?.total ?? 0), items: rows.map(toShare) };
  }

  async purgeSharesBefore(cutoff: number): Promise<number> {
    const result = await this.query(`DELETE FROM ${this.table} WHERE shared_at < $1`, [cutoff]);
    return result.rowCount ?? 0;
  }
}
