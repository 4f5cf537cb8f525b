/**
 * The default store: one SQLite file (or `:memory:`). better-sqlite3 is synchronous, so every
 * method runs to completion without yielding; multi-statement writes still use IMMEDIATE
 * transactions so that several processes sharing one file stay correct.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { TokenCipher } from './crypto';
import { markBrokenSql, saveLinkSql, updateTokensSql } from './link-sql';
import { pendingMigrations, schemaVersionTableSql } from './migrations';
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
import { keyParams, SqliteMembers } from './sqlite-members';
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

export interface SqliteLinkStoreOptions {
  /** File path, created with its folder when missing; `:memory:` for a private in-memory db. */
  path: string;
  cipher: TokenCipher;
  /** Clock for linkedAt/updatedAt and lease expiry; tests may pin it. */
  now?: () => number;
}

const named = (name: string): string => `@${name}`;
const sameName = (name: string): string => name;
const NEXT_VERSION_SQL =
  'UPDATE link_version_counter SET value = value + 1 WHERE id = 1 RETURNING value';
const SAVE_LINK_SQL = saveLinkSql('links', named, '@version');
const UPDATE_TOKENS_SQL = updateTokensSql('links', named, '@version');
const UPDATE_TOKENS_AND_IDENTITY_SQL = updateTokensSql('links', named, '@version', true);
const MARK_BROKEN_SQL = markBrokenSql('links', named, false);
const MARK_BROKEN_IF_VERSION_SQL = markBrokenSql('links', named, true);
const KEY = 'team_id = @team_id AND user_id = @user_id';

export class SqliteLinkStore implements LinkStore {
  private db: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly members = new SqliteMembers((text) => this.sql(text));
  private readonly cipher: TokenCipher;
  private readonly now: () => number;

  constructor(private readonly options: SqliteLinkStoreOptions) {
    this.cipher = options.cipher;
    this.now = options.now ?? Date.now;
  }

  async connect(): Promise<void> {
    if (this.db) return;
    const file = this.options.path;
    const inMemory = file === ':memory:' || file === '';
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file, { timeout: 5000 });
    try {
      db.pragma('busy_timeout = 5000');
      // WAL lets readers run while a writer commits; NORMAL sync is durable enough under WAL.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.db = db;
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }

  async ping(): Promise<boolean> {
    try {
      return this.db?.prepare('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  async getLink(key: MemberKey): Promise<Link | null> {
    const row = this.sql(`SELECT * FROM links WHERE ${KEY}`).get(keyParams(key)) as
      | LinkRow
      | undefined;
    return row ? toLink(this.cipher, row) : null;
  }

  async saveLink(link: NewLink): Promise<Link> {
    const values = linkValues(this.cipher, link, this.now());
    const row = this.transaction(() => {
      const version = this.nextVersion();
      return this.sql(SAVE_LINK_SQL).get(bindable({ ...values, version })) as LinkRow;
    });
    return toLink(this.cipher, row);
  }

  async deleteLink(key: MemberKey): Promise<boolean> {
    return this.sql(`DELETE FROM links WHERE ${KEY}`).run(keyParams(key)).changes > 0;
  }

  async updateTokens(
    key: MemberKey,
    expectedVersion: number,
    tokens: TokenSet,
    identity?: LinkedIdentity,
  ): Promise<Link | null> {
    const params = bindable({
      ...tokenValues(this.cipher, key, tokens),
      ...(identity ? identityValues(identity) : {}),
      ...keyParams(key),
      updated_at: this.now(),
      expected_version: expectedVersion,
    });
    const sql = identity ? UPDATE_TOKENS_AND_IDENTITY_SQL : UPDATE_TOKENS_SQL;
    const row = this.transaction(() => {
      // A gap in the counter when the CAS fails is harmless: versions only need to be unique.
      const version = this.nextVersion();
      return this.sql(sql).get({ ...params, version }) as LinkRow | undefined;
    });
    return row ? toLink(this.cipher, row) : null;
  }

  async markBroken(key: MemberKey, reason: string, expectedVersion?: number): Promise<boolean> {
    const params = { ...keyParams(key), reason, updated_at: this.now() };
    if (expectedVersion === undefined) return this.sql(MARK_BROKEN_SQL).run(params).changes > 0;
    const cas = { ...params, expected_version: expectedVersion };
    return this.sql(MARK_BROKEN_IF_VERSION_SQL).run(cas).changes > 0;
  }

  async tryAcquireRefreshLease(key: MemberKey, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const result = this.sql(
      `UPDATE links SET lease_owner = @owner, lease_expires_at = @expires
        WHERE ${KEY} AND (lease_owner IS NULL OR lease_owner = @owner OR lease_expires_at <= @now)`,
    ).run({ ...keyParams(key), owner, now, expires: now + ttlMs });
    return result.changes > 0;
  }

  async releaseRefreshLease(key: MemberKey, owner: string): Promise<void> {
    this.sql(
      `UPDATE links SET lease_owner = NULL, lease_expires_at = NULL
        WHERE ${KEY} AND lease_owner = @owner`,
    ).run({ ...keyParams(key), owner });
  }

  async saveOAuthState(state: OAuthState): Promise<void> {
    this.sql(
      `INSERT INTO oauth_states
        (state, team_id, user_id, code_verifier, channel_id, response_url, created_at, expires_at)
        VALUES (@state, @team_id, @user_id, @code_verifier, @channel_id, @response_url,
          @created_at, @expires_at)`,
    ).run(oauthStateValues(state));
  }

  async consumeOAuthState(state: string, now: number): Promise<OAuthState | null> {
    // Deleting whatever is found makes the state single use; an expired one is dropped too.
    const row = this.sql('DELETE FROM oauth_states WHERE state = @state RETURNING *').get({
      state,
    }) as OAuthStateRow | undefined;
    if (!row) return null;
    const found = toOAuthState(row);
    return found.expiresAt > now ? found : null;
  }

  async purgeExpiredOAuthStates(now: number): Promise<number> {
    return this.sql('DELETE FROM oauth_states WHERE expires_at <= @now').run({ now }).changes;
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

  private open(): Database.Database {
    if (!this.db) throw new Error('SqliteLinkStore is not connected: call connect() first');
    return this.db;
  }

  /** Prepared once per connection. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.open().prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** IMMEDIATE takes the write lock up front, so a read inside cannot go stale before the write. */
  private transaction<T>(work: () => T): T {
    return this.open().transaction(work).immediate();
  }

  private nextVersion(): number {
    return (this.sql(NEXT_VERSION_SQL).get() as { value: number }).value;
  }
}

/** better-sqlite3 binds no booleans: BOOLEAN columns take 1 and 0. */
function bindable(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'boolean' ? Number(value) : value,
    ]),
  );
}

/** Brings the schema up to date under the write lock, so concurrent starts migrate once. */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(schemaVersionTableSql(sameName));
    const { current } = db
      .prepare('SELECT COALESCE(MAX(version), 0) AS current FROM schema_version')
      .get() as { current: number };
    const record = db.prepare(
      'INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const migration of pendingMigrations(current)) {
      for (const statement of migration.statements('sqlite', sameName)) db.exec(statement);
      record.run(migration.version, migration.name, Date.now());
    }
  }).immediate();
}
