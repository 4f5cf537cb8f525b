/**
 * The default store: one SQLite file (or `:memory:`). better-sqlite3 is synchronous, so every
 * method runs to completion without yielding; multi-statement writes still use IMMEDIATE
 * transactions so that several processes sharing one file stay correct. This object owns the
 * connection, the schema and the prepared statements; the links and members stores share them.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { TokenCipher } from './crypto';
import { pendingMigrations, schemaVersionTableSql } from './migrations';
import { SqliteAudit } from './sqlite-audit';
import { SqliteInstallations } from './sqlite-installations';
import { type SqliteConnection, SqliteLinks } from './sqlite-links';
import { SqliteMembers } from './sqlite-members';
import { SqliteRates } from './sqlite-rates';
import { SqliteStaleNotices } from './sqlite-stale-notices';
import { SqliteSubscriptions } from './sqlite-subscriptions';
import type { StaleNoticesStore } from './stale-notice-types';
import type {
  AuditStore,
  InstallationsStore,
  LinksStore,
  MembersStore,
  RateLedger,
  Store,
  SubscriptionsStore,
} from './types';

export interface SqliteStoreOptions {
  /** File path, created with its folder when missing; `:memory:` for a private in-memory db. */
  path: string;
  cipher: TokenCipher;
  /** Clock for linkedAt/updatedAt and lease expiry; tests may pin it. */
  now?: () => number;
}

const sameName = (name: string): string => name;

export class SqliteStore implements Store {
  readonly links: LinksStore;
  readonly members: MembersStore;
  readonly installations: InstallationsStore;
  readonly audit: AuditStore;
  readonly subscriptions: SubscriptionsStore;
  readonly rates: RateLedger;
  readonly staleNotices: StaleNoticesStore;
  private db: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly options: SqliteStoreOptions) {
    const connection: SqliteConnection = {
      sql: (text) => this.sql(text),
      transaction: (work) => this.transaction(work),
    };
    this.links = new SqliteLinks(connection, options.cipher, options.now ?? Date.now);
    this.members = new SqliteMembers((text) => this.sql(text));
    this.installations = new SqliteInstallations(connection, options.cipher);
    this.audit = new SqliteAudit((text) => this.sql(text));
    this.subscriptions = new SqliteSubscriptions((text) => this.sql(text));
    this.rates = new SqliteRates(connection);
    this.staleNotices = new SqliteStaleNotices((text) => this.sql(text));
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

  private open(): Database.Database {
    if (!this.db) throw new Error('SqliteStore is not connected: call connect() first');
    return this.db;
  }
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
