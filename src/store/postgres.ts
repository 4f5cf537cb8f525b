/**
 * The store for several app processes sharing one PostgreSQL database. Every method is one
 * statement (upserts, conditional UPDATEs, DELETE … RETURNING), so atomicity comes from the
 * database itself and no transaction is held across a network round trip.
 */
import pg from 'pg';
import type { TokenCipher } from './crypto';
import { markBrokenSql, positional, saveLinkSql, updateTokensSql } from './link-sql';
import type { NameFn } from './migrations';
import { PostgresMembers } from './postgres-members';
import { migratePostgres } from './postgres-migrate';
import {
  identityValues,
  type LinkRow,
  linkValues,
  type OAuthStateRow,
  oauthStateValues,
  tokenValues,
  toLink,
  toOAuthState,
} from './rows';
import type {
  Link,
  LinkedIdentity,
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

export class PostgresLinkStore implements LinkStore {
  private pool: pg.Pool | null = null;
  private connecting: Promise<void> | null = null;
  private readonly cipher: TokenCipher;
  private readonly now: () => number;
  private readonly schema: string | undefined;
  private readonly name: NameFn;
  private readonly members: PostgresMembers;

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
    this.members = new PostgresMembers((sql, params) => this.open().query(sql, params), this.name);
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
    identity?: LinkedIdentity,
  ): Promise<Link | null> {
    const { p, params } = positional({
      ...tokenValues(this.cipher, key, tokens),
      ...(identity ? identityValues(identity) : {}),
      team_id: key.teamId,
      user_id: key.userId,
      updated_at: this.now(),
      expected_version: expectedVersion,
    });
    // nextval runs only for the row that passes the WHERE, so a failed CAS costs nothing.
    const sql = updateTokensSql(this.name('links'), p, this.nextVersionSql(), Boolean(identity));
    const row = await this.one<LinkRow>(sql, params);
    return row ? toLink(this.cipher, row) : null;
  }

  async markBroken(key: MemberKey, reason: string, expectedVersion?: number): Promise<boolean> {
    const { p, params } = positional({
      team_id: key.teamId,
      user_id: key.userId,
      reason,
      updated_at: this.now(),
      expected_version: expectedVersion,
    });
    const sql = markBrokenSql(this.name('links'), p, expectedVersion !== undefined);
    return (await this.run(sql, params)) > 0;
  }

  async tryAcquireRefreshLease(key: MemberKey, owner: string, ttlMs: number): Promise<boolean> {
    // The database's clock, not this host's: processes on several hosts agree on when a
    // lease has expired however far their own clocks drift apart.
    const now = '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint';
    const changed = await this.run(
      `UPDATE ${this.name('links')} SET lease_owner = $3, lease_expires_at = ${now} + $4
        WHERE ${KEY} AND (lease_owner IS NULL OR lease_owner = $3 OR lease_expires_at <= ${now})`,
      [...keyParams(key), owner, ttlMs],
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

  getMember(key: MemberKey): Promise<MemberRecord | null> {
    return this.members.get(key);
  }

  markWelcomed(key: MemberKey, at: number): Promise<boolean> {
    return this.members.markWelcomed(key, at);
  }

  recordPrompt(key: MemberKey, at: number): Promise<void> {
    return this.members.recordPrompt(key, at);
  }

  claimPrompt(key: MemberKey, at: number, quietSince: number): Promise<boolean> {
    return this.members.claimPrompt(key, at, quietSince);
  }

  releasePrompt(key: MemberKey, at: number): Promise<void> {
    return this.members.releasePrompt(key, at);
  }

  noteLinkOpened(key: MemberKey, at: number, reminderDueAt: number): Promise<void> {
    return this.members.noteLinkOpened(key, at, reminderDueAt);
  }

  dueReminders(now: number, limit: number): Promise<MemberKey[]> {
    return this.members.dueReminders(now, limit);
  }

  claimReminder(key: MemberKey, now: number): Promise<boolean> {
    return this.members.claimReminder(key, now);
  }

  cancelReminder(key: MemberKey): Promise<void> {
    return this.members.cancelReminder(key);
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
