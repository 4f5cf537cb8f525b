/**
 * The linking flow's part of the links store on PostgreSQL: what Connect buttons stand for,
 * sign-ins waiting for a second confirmation, and the RingCentral account each workspace is
 * pinned to. Every method is one statement, so atomicity comes from the database itself.
 */
import type { TokenCipher } from './crypto';
import {
  CONNECT_START_COLUMNS,
  type ConnectStartRow,
  connectStartValues,
  PENDING_LINK_COLUMNS,
  type PendingLinkRow,
  pendingLinkValues,
  toConnectStart,
  toPendingLink,
  toWorkspaceAccount,
  WORKSPACE_ACCOUNT_COLUMNS,
  type WorkspaceAccountRow,
  workspaceAccountValues,
} from './link-flow-rows';
import type { NameFn } from './migrations';
import type { PgQuery } from './postgres-query';
import { type LinkRow, toLink } from './rows';
import type { ConnectStart, ForgottenWorkspace, PendingLink, WorkspaceAccount } from './types';

/** An INSERT of `columns` into `table` (aliased `t`), bound by position. */
export function insert(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} AS t (${columns.join(', ')})
    VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
}

/** `row`'s values in the order of `columns`, for `insert`. */
export function params<R extends object>(
  columns: readonly (keyof R & string)[],
  row: R,
): unknown[] {
  return columns.map((column) => row[column]);
}

export class PostgresLinkFlow {
  constructor(
    protected readonly query: PgQuery,
    protected readonly name: NameFn,
    protected readonly cipher: TokenCipher,
  ) {}

  async saveConnectStart(start: ConnectStart): Promise<void> {
    await this.query(
      insert(this.name('connect_starts'), CONNECT_START_COLUMNS),
      params(CONNECT_START_COLUMNS, connectStartValues(start)),
    );
  }

  async findConnectStart(tokenHash: string, now: number): Promise<ConnectStart | null> {
    const { rows } = await this.query<ConnectStartRow>(
      `SELECT * FROM ${this.name('connect_starts')} WHERE token_hash = $1 AND expires_at > $2`,
      [tokenHash, now],
    );
    return rows[0] ? toConnectStart(rows[0]) : null;
  }

  async purgeExpiredConnectStarts(now: number): Promise<number> {
    const result = await this.query(
      `DELETE FROM ${this.name('connect_starts')} WHERE expires_at <= $1`,
      [now],
    );
    return result.rowCount ?? 0;
  }

  async savePendingLink(pending: PendingLink): Promise<void> {
    await this.query(
      insert(this.name('pending_links'), PENDING_LINK_COLUMNS),
      params(PENDING_LINK_COLUMNS, pendingLinkValues(this.cipher, pending)),
    );
  }

  async takePendingLink(id: string): Promise<PendingLink | null> {
    // Of concurrent deletes of one row, exactly one gets it back: the confirmation is single use.
    const { rows } = await this.query<PendingLinkRow>(
      `DELETE FROM ${this.name('pending_links')} WHERE id = $1 RETURNING *`,
      [id],
    );
    return rows[0] ? toPendingLink(this.cipher, rows[0]) : null;
  }

  async takeExpiredPendingLinks(now: number, limit: number): Promise<PendingLink[]> {
    const table = this.name('pending_links');
    const { rows } = await this.query<PendingLinkRow>(
      `DELETE FROM ${table} WHERE id IN (
        SELECT id FROM ${table} WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2
        FOR UPDATE SKIP LOCKED)
      RETURNING *`,
      [now, limit],
    );
    return rows.map((row) => toPendingLink(this.cipher, row));
  }

  async getWorkspaceAccount(teamId: string): Promise<WorkspaceAccount | null> {
    const { rows } = await this.query<WorkspaceAccountRow>(
      `SELECT * FROM ${this.name('workspace_accounts')} WHERE team_id = $1`,
      [teamId],
    );
    return rows[0] ? toWorkspaceAccount(rows[0]) : null;
  }

  async pinWorkspaceAccount(pin: WorkspaceAccount): Promise<WorkspaceAccount> {
    // An existing pin stays; the update only fills in a company name the first link could not
    // read, and makes RETURNING answer the pin that holds (the first one, or this one).
    const { rows } = await this.query<WorkspaceAccountRow>(
      `${insert(this.name('workspace_accounts'), WORKSPACE_ACCOUNT_COLUMNS)}
        ON CONFLICT (team_id) DO UPDATE SET account_name = CASE
          WHEN t.account_id = excluded.account_id THEN COALESCE(t.account_name, excluded.account_name)
          ELSE t.account_name END
        RETURNING *`,
      params(WORKSPACE_ACCOUNT_COLUMNS, workspaceAccountValues(pin)),
    );
    if (!rows[0]) throw new Error('pinWorkspaceAccount returned no row');
    return toWorkspaceAccount(rows[0]);
  }

  async forgetWorkspace(teamId: string): Promise<ForgottenWorkspace> {
    // Each statement on its own: a repeated call (the next event, another process) finishes
    // whatever an interrupted one left.
    const links = await this.query<LinkRow>(
      `DELETE FROM ${this.name('links')} WHERE team_id = $1 RETURNING *`,
      [teamId],
    );
    const pending = await this.query<PendingLinkRow>(
      `DELETE FROM ${this.name('pending_links')} WHERE team_id = $1 RETURNING *`,
      [teamId],
    );
    await this.query(
      `WITH s AS (DELETE FROM ${this.name('oauth_states')} WHERE team_id = $1),
        c AS (DELETE FROM ${this.name('connect_starts')} WHERE team_id = $1)
        DELETE FROM ${this.name('workspace_accounts')} WHERE team_id = $1`,
      [teamId],
    );
    return {
      links: links.rows.map((row) => toLink(this.cipher, row)),
      pendingLinks: pending.rows.map((row) => toPendingLink(this.cipher, row)),
    };
  }
}
