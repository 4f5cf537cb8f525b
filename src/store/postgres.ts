/**
 * The store for several app processes sharing one PostgreSQL database. Every method is one
 * statement (upserts, conditional UPDATEs, DELETE … RETURNING), so atomicity comes from the
 * database itself and no transaction is held across a network round trip.
 */
import pg from 'pg';
import type { TokenCipher } from './crypto';
import { positional, saveLinkSql, updateTokensSql } from './link-sql';
import type { NameFn } from './migrations';
import { migratePostgres } from './postgres-migrate';
import {
  type LinkRow,
  linkValues,
  type MemberKeyRow,
  type MemberRow,
  type OAuthStateRow,
  oauthStateValues,
  tokenValues,
  toLink,
  toMember,
  toMemberKey,
  toOAuthState,
} from './rows';
import type {
  Link,
  LinkStore,
  MemberKey,
  MemberRecord,
  NewLink,
  OAuthState,
  TokenSet,
} from './types';

export type PostgresConnection = { url: string } | { pool: pg.Pool };

export interface PostgresLinkStoreOptions {
  cipher: TokenCipher;
  /** Schema for the tables, created when missing; without it, the connection's search_path. */
  schema?: string;
  /** Clock for linkedAt/updatedAt and lease expiry; tests may pin it. */
  now?: () => number;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEY = 'team_id = $1 AND user_id = $2';
/** A pending reminder due at the time bound to `now` (a placeholder such as `$1`). */
const due = (now: string): string =>
  `reminder_sent_at IS NULL AND reminder_due_at IS NOT NULL AND reminder_due_at <= ${now}`;

export class PostgresLinkStore implements LinkStore {
  private pool: pg.Pool | null = null;
  private connecting: Promise<void> | null = null;
  private readonly cipher: TokenCipher;
  private readonly now: () => number;
  private readonly schema: string | undefined;
  private readonly name: NameFn;

  constructor(
    private readonly connection: PostgresConnection,
    options: PostgresLinkStoreOptions,
  ) {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new Error(`PostgreSQL schema name must be letters, digits and _: ${options.schema}`);
    }
    this.cipher = options.cipher;
    this.now = options.now ?? Date.now;
    this.schema = options.schema;
    const prefix = options.schema === undefined ? '' : `"${options.schema}".`;
    this.name = (name) => `${prefix}${name}`;
  }

  connect(): Promise<void> {
    // Concurrent callers share one attempt; a failed attempt may be retried.
    this.connecting ??= this.openAndMigrate().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    this.connecting = null;
    if (pool && 'url' in this.connection) await pool.end();
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.open().query('SELECT 1')).rowCount === 1;
    } catch {
      return false;
    }
  }

  async getLink(key: MemberKey): Promise<Link | null> {
    const row = await this.one<LinkRow>(
      `SELECT * FROM ${this.name('links')} WHERE ${KEY}`,
      keyParams(key),
    );
    return row ? toLink(this.cipher, row) : null;
  }

  async saveLink(link: NewLink): Promise<Link> {
    const { p, params } = positional(linkValues(this.cipher, link, this.now()));
    const sql = saveLinkSql(this.name('links'), p, this.nextVersionSql());
    const row = await this.one<LinkRow>(sql, params);
    if (!row) throw new Error('saveLink returned no row');
    return toLink(this.cipher, row);
  }

  async deleteLink(key: MemberKey): Promise<boolean> {
    return (await this.run(`DELETE FROM ${this.name('links')} WHERE ${KEY}`, keyParams(key))) > 0;
  }

  async updateTokens(
    key: MemberKey,
    expectedVersion: number,
    tokens: TokenSet,
  ): Promise<Link | null> {
    const { p, params } = positional({
      ...tokenValues(this.cipher, key, tokens),
      team_id: key.teamId,
      user_id: key.userId,
      updated_at: this.now(),
      expected_version: expectedVersion,
    });
    // nextval runs only for the row that passes the WHERE, so a failed CAS costs nothing.
    const sql = updateTokensSql(this.name('links'), p, this.nextVersionSql());
    const row = await this.one<LinkRow>(sql, params);
    return row ? toLink(this.cipher, row) : null;
  }

  async markBroken(key: MemberKey, reason: string): Promise<void> {
    await this.run(
      `UPDATE ${this.name('links')} SET status = 'broken', broken_reason = $3, updated_at = $4
        WHERE ${KEY}`,
      [...keyParams(key), reason, this.now()],
    );
  }

  async tryAcquireRefreshLease(key: MemberKey, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const changed = await this.run(
      `UPDATE ${this.name('links')} SET lease_owner = $3, lease_expires_at = $5
        WHERE ${KEY} AND (lease_owner IS NULL OR lease_owner = $3 OR lease_expires_at <= $4)`,
      [...keyParams(key), owner, now, now + ttlMs],
    );
    return changed > 0;
  }

  async releaseRefreshLease(key: MemberKey, owner: string): Promise<void> {
    await this.run(
      `UPDATE ${this.name('links')} SET lease_owner = NULL, lease_expires_at = NULL
        WHERE ${KEY} AND lease_owner = $3`,
      [...keyParams(key), owner],
    );
  }

  async saveOAuthState(state: OAuthState): Promise<void> {
    const v = oauthStateValues(state);
    await this.run(
      `INSERT INTO ${this.name('oauth_states')}
        (state, team_id, user_id, code_verifier, channel_id, response_url, created_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        v.state,
        v.team_id,
        v.user_id,
        v.code_verifier,
        v.channel_id,
        v.response_url,
        v.created_at,
        v.expires_at,
      ],
    );
  }

  async consumeOAuthState(state: string, now: number): Promise<OAuthState | null> {
    // Of concurrent deletes of one row, exactly one gets it back: the state is single use.
    const row = await this.one<OAuthStateRow>(
      `DELETE FROM ${this.name('oauth_states')} WHERE state = $1 RETURNING *`,
      [state],
    );
    if (!row) return null;
    const found = toOAuthState(row);
    return found.expiresAt > now ? found : null;
  }

  async purgeExpiredOAuthStates(now: number): Promise<number> {
    return this.run(`DELETE FROM ${this.name('oauth_states')} WHERE expires_at <= $1`, [now]);
  }

  async getMember(key: MemberKey): Promise<MemberRecord | null> {
    const row = await this.one<MemberRow>(
      `SELECT * FROM ${this.name('members')} WHERE ${KEY}`,
      keyParams(key),
    );
    return row ? toMember(row) : null;
  }

  async markWelcomed(key: MemberKey, at: number): Promise<boolean> {
    const changed = await this.run(
      `INSERT INTO ${this.name('members')} AS m (team_id, user_id, welcomed_at) VALUES ($1, $2, $3)
        ON CONFLICT (team_id, user_id) DO UPDATE SET welcomed_at = excluded.welcomed_at
        WHERE m.welcomed_at IS NULL`,
      [...keyParams(key), at],
    );
    return changed > 0;
  }

  async recordPrompt(key: MemberKey, at: number): Promise<void> {
    await this.run(
      `INSERT INTO ${this.name('members')} (team_id, user_id, last_prompted_at) VALUES ($1, $2, $3)
        ON CONFLICT (team_id, user_id) DO UPDATE SET last_prompted_at = excluded.last_prompted_at`,
      [...keyParams(key), at],
    );
  }

  async noteLinkOpened(key: MemberKey, at: number, reminderDueAt: number): Promise<void> {
    // A member gets one reminder: each opening pushes a pending one back, none follows one sent.
    await this.run(
      `INSERT INTO ${this.name('members')} AS m (team_id, user_id, link_opened_at, reminder_due_at)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (team_id, user_id) DO UPDATE SET link_opened_at = excluded.link_opened_at,
          reminder_due_at = CASE WHEN m.reminder_sent_at IS NULL
            THEN excluded.reminder_due_at ELSE m.reminder_due_at END`,
      [...keyParams(key), at, reminderDueAt],
    );
  }

  async dueReminders(now: number, limit: number): Promise<MemberKey[]> {
    const result = await this.open().query<MemberKeyRow>(
      `SELECT team_id, user_id FROM ${this.name('members')} WHERE ${due('$1')}
        ORDER BY reminder_due_at, team_id, user_id LIMIT $2`,
      [now, limit],
    );
    return result.rows.map(toMemberKey);
  }

  async claimReminder(key: MemberKey, now: number): Promise<boolean> {
    const changed = await this.run(
      `UPDATE ${this.name('members')} SET reminder_sent_at = $3 WHERE ${KEY} AND ${due('$3')}`,
      [...keyParams(key), now],
    );
    return changed > 0;
  }

  async cancelReminder(key: MemberKey): Promise<void> {
    await this.run(
      `UPDATE ${this.name('members')} SET reminder_due_at = NULL
        WHERE ${KEY} AND reminder_sent_at IS NULL`,
      keyParams(key),
    );
  }

  private open(): pg.Pool {
    if (!this.pool) throw new Error('PostgresLinkStore is not connected: call connect() first');
    return this.pool;
  }

  private async one<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[],
  ): Promise<R | null> {
    return (await this.open().query<R>(sql, params)).rows[0] ?? null;
  }

  private async run(sql: string, params: unknown[]): Promise<number> {
    return (await this.open().query(sql, params)).rowCount ?? 0;
  }

  private nextVersionSql(): string {
    return `nextval('${this.name('link_version_seq')}')`;
  }

  private async openAndMigrate(): Promise<void> {
    let pool: pg.Pool;
    if ('url' in this.connection) {
      pool = new pg.Pool({ connectionString: this.connection.url });
      // An idle client that loses its server emits 'error'; unhandled, that would end the
      // process. The next query reports the problem instead.
      pool.on('error', () => {});
    } else {
      pool = this.connection.pool;
    }
    try {
      await migratePostgres(pool, this.schema, this.name);
    } catch (error) {
      if ('url' in this.connection) await pool.end();
      throw error;
    }
    this.pool = pool;
  }
}

function keyParams(key: MemberKey): [string, string] {
  return [key.teamId, key.userId];
}
