/**
 * The store for several app processes sharing one PostgreSQL database. This object owns the
 * pool and the schema; the links and members stores run their one-statement methods on it, so
 * atomicity comes from the database itself and no transaction is held across a round trip.
 */
import pg from 'pg';
import type { TokenCipher } from './crypto';
import type { NameFn } from './migrations';
import { PostgresAudit } from './postgres-audit';
import { PostgresInstallations } from './postgres-installations';
import { PostgresLinks } from './postgres-links';
import { PostgresMembers } from './postgres-members';
import { migratePostgres } from './postgres-migrate';
import { type PgQuery, presenceTagSql } from './postgres-query';
import { PostgresRates } from './postgres-rates';
import { PostgresStaleNotices } from './postgres-stale-notices';
import { PostgresSubscriptions } from './postgres-subscriptions';
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

export type PostgresConnection = { url: string } | { pool: pg.Pool };

export interface PostgresStoreOptions {
  cipher: TokenCipher;
  /** Schema for the tables, created when missing; without it, the connection's search_path. */
  schema?: string;
  /** Clock for linkedAt/updatedAt; tests may pin it. Leases expire by the database's clock. */
  now?: () => number;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class PostgresStore implements Store {
  readonly links: LinksStore;
  readonly members: MembersStore;
  readonly installations: InstallationsStore;
  readonly audit: AuditStore;
  readonly subscriptions: SubscriptionsStore;
  readonly rates: RateLedger;
  readonly staleNotices: StaleNoticesStore;
  private pool: pg.Pool | null = null;
  private connecting: Promise<void> | null = null;
  private presence: pg.PoolClient | null = null;
  private presenceName = '';
  private presenceOpening: Promise<string> | null = null;
  private readonly schema: string | undefined;
  private readonly name: NameFn;

  constructor(
    private readonly connection: PostgresConnection,
    options: PostgresStoreOptions,
  ) {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new Error(`PostgreSQL schema name must be letters, digits and _: ${options.schema}`);
    }
    this.schema = options.schema;
    const prefix = options.schema === undefined ? '' : `"${options.schema}".`;
    this.name = (name) => `${prefix}${name}`;
    const query: PgQuery = (sql, params) => this.open().query(sql, params);
    this.links = new PostgresLinks(query, this.name, options.cipher, options.now ?? Date.now, () =>
      this.presenceTag(),
    );
    this.members = new PostgresMembers(query, this.name);
    this.installations = new PostgresInstallations(query, this.name, options.cipher);
    this.audit = new PostgresAudit(query, this.name);
    this.subscriptions = new PostgresSubscriptions(query, this.name);
    this.rates = new PostgresRates(() => this.open(), this.name);
    this.staleNotices = new PostgresStaleNotices(() => this.open(), query, this.name);
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
    this.presence?.release(true);
    this.presence = null;
    if (pool && 'url' in this.connection) await pool.end();
  }

  /**
   * Names this store as a refresh lease holder by a connection it keeps open for that alone:
   * when this process dies, the server ends that session at once, and other processes see the
   * lease's holder gone (no such row in pg_stat_activity) instead of waiting for its expiry.
   * Opened on first use; a lost connection is replaced (under a new name) on the next lease.
   */
  private async presenceTag(): Promise<string> {
    if (this.presence) return this.presenceName;
    this.presenceOpening ??= this.openPresence().finally(() => {
      this.presenceOpening = null;
    });
    return this.presenceOpening;
  }

  private async openPresence(): Promise<string> {
    const client = await this.open().connect();
    // A lost connection must not end the process: forget it, the next lease opens another.
    client.on('error', () => {
      if (this.presence !== client) return;
      this.presence = null;
      client.release(true);
    });
    try {
      const { rows } = await client.query<{ tag: string }>(
        `SELECT ${presenceTagSql('a')} AS tag FROM pg_stat_activity a WHERE a.pid = pg_backend_pid()`,
      );
      const tag = rows[0]?.tag;
      if (!tag) throw new Error('PostgreSQL did not show this session in pg_stat_activity');
      this.presence = client;
      this.presenceName = tag;
      return tag;
    } catch (error) {
      client.release(true);
      throw error;
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.open().query('SELECT 1')).rowCount === 1;
    } catch {
      return false;
    }
  }

  private open(): pg.Pool {
    if (!this.pool) throw new Error('PostgresStore is not connected: call connect() first');
    return this.pool;
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
