/**
 * The linking flow's part of the links store on SQLite: what Connect buttons stand for, sign-ins
 * waiting for a second confirmation, and the RingCentral account each workspace is pinned to.
 * Every method is one statement, so processes sharing the file need no transaction.
 */
import type Database from 'better-sqlite3';
import type { TokenCipher } from './crypto';
import { sqliteBindable } from './db-values';
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
import { type LinkRow, toLink } from './rows';
import type { ConnectStart, ForgottenWorkspace, PendingLink, WorkspaceAccount } from './types';

/** What the SQLite stores (links, installations, rates) need of the connection SqliteStore owns. */
export interface SqliteConnection {
  /** The statement for `text`, prepared once per connection. */
  sql(text: string): Database.Statement;
  /** Runs `work` in an IMMEDIATE transaction. */
  transaction<T>(work: () => T): T;
}

/** An INSERT of `columns` into `table`, bound by name. */
export const insert = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;

/**
 * An existing pin stays; the update only fills in a company name the first link could not
 * read, and makes RETURNING answer the pin that holds (the first one, or this one).
 */
export const KEEP_FIRST_PIN = `ON CONFLICT (team_id) DO UPDATE SET account_name = CASE
    WHEN workspace_accounts.account_id = excluded.account_id
      THEN COALESCE(workspace_accounts.account_name, excluded.account_name)
    ELSE workspace_accounts.account_name END
  RETURNING *`;

export class SqliteLinkFlow {
  constructor(
    protected readonly db: SqliteConnection,
    protected readonly cipher: TokenCipher,
  ) {}

  async saveConnectStart(start: ConnectStart): Promise<void> {
    this.db.sql(insert('connect_starts', CONNECT_START_COLUMNS)).run(connectStartValues(start));
  }

  async findConnectStart(tokenHash: string, now: number): Promise<ConnectStart | null> {
    const row = this.db
      .sql('SELECT * FROM connect_starts WHERE token_hash = @hash AND expires_at > @now')
      .get({ hash: tokenHash, now }) as ConnectStartRow | undefined;
    return row ? toConnectStart(row) : null;
  }

  async purgeExpiredConnectStarts(now: number): Promise<number> {
    return this.db.sql('DELETE FROM connect_starts WHERE expires_at <= @now').run({ now }).changes;
  }

  async savePendingLink(pending: PendingLink): Promise<void> {
    this.db
      .sql(insert('pending_links', PENDING_LINK_COLUMNS))
      .run(sqliteBindable(pendingLinkValues(this.cipher, pending)));
  }

  async takePendingLink(id: string): Promise<PendingLink | null> {
    const row = this.db.sql('DELETE FROM pending_links WHERE id = @id RETURNING *').get({ id }) as
      | PendingLinkRow
      | undefined;
    return row ? toPendingLink(this.cipher, row) : null;
  }

  async takeExpiredPendingLinks(now: number, limit: number): Promise<PendingLink[]> {
    const rows = this.db
      .sql(
        `DELETE FROM pending_links WHERE id IN (
          SELECT id FROM pending_links WHERE expires_at <= @now ORDER BY expires_at LIMIT @limit)
        RETURNING *`,
      )
      .all({ now, limit }) as PendingLinkRow[];
    return rows.map((row) => toPendingLink(this.cipher, row));
  }

  async getWorkspaceAccount(teamId: string): Promise<WorkspaceAccount | null> {
    const row = this.db
      .sql('SELECT * FROM workspace_accounts WHERE team_id = @team_id')
      .get({ team_id: teamId }) as WorkspaceAccountRow | undefined;
    return row ? toWorkspaceAccount(row) : null;
  }

  async pinWorkspaceAccount(pin: WorkspaceAccount): Promise<WorkspaceAccount> {
    const row = this.db
      .sql(`${insert('workspace_accounts', WORKSPACE_ACCOUNT_COLUMNS)} ${KEEP_FIRST_PIN}`)
      .get(workspaceAccountValues(pin)) as WorkspaceAccountRow;
    return toWorkspaceAccount(row);
  }

  async forgetWorkspace(teamId: string): Promise<ForgottenWorkspace> {
    const team = { team_id: teamId };
    return this.db.transaction(() => {
      const links = this.db
        .sql('DELETE FROM links WHERE team_id = @team_id RETURNING *')
        .all(team) as LinkRow[];
      const pending = this.db
        .sql('DELETE FROM pending_links WHERE team_id = @team_id RETURNING *')
        .all(team) as PendingLinkRow[];
      for (const table of ['oauth_states', 'connect_starts', 'workspace_accounts']) {
        this.db.sql(`DELETE FROM ${table} WHERE team_id = @team_id`).run(team);
      }
      return {
        links: links.map((row) => toLink(this.cipher, row)),
        pendingLinks: pending.map((row) => toPendingLink(this.cipher, row)),
      };
    });
  }
}
