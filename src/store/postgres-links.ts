/**
 * The links store on PostgreSQL: links, the OAuth states of links in progress and refresh
 * leases. Every method is one statement (upserts, conditional UPDATEs, DELETE … RETURNING), so
 * atomicity comes from the database itself and no transaction is held across a round trip.
 */
import type pg from 'pg';
import type { TokenCipher } from './crypto';
import { identityValues } from './identity-token-rows';
import { leaseOwner } from './lease-holder';
import {
  markBrokenSql,
  positional,
  saveLinkSql,
  updateIdentitySql,
  updateTokensSql,
} from './link-sql';
import type { NameFn } from './migrations';
import { insert, PostgresLinkFlow, params } from './postgres-link-flow';
import { keyParams, type PgQuery, presenceTagSql } from './postgres-query';
import {
  countsOf,
  type LinkRow,
  linkValues,
  OAUTH_STATE_COLUMNS,
  type OAuthStateRow,
  oauthStateValues,
  tokenValues,
  toLink,
  toOAuthState,
} from './rows';
import type {
  Link,
  LinkCounts,
  LinkedIdentity,
  LinksStore,
  MemberKey,
  NewLink,
  OAuthState,
  TokenSet,
} from './types';

const KEY = 'team_id = $1 AND user_id = $2';

/** Links, OAuth states and leases here; Connect buttons, pending sign-ins and pins inherited. */
export class PostgresLinks extends PostgresLinkFlow implements LinksStore {
  constructor(
    query: PgQuery,
    name: NameFn,
    cipher: TokenCipher,
    private readonly now: () => number,
    /** The lease holder name of this store's presence connection (see lease-holder.ts). */
    private readonly presence: () => Promise<string>,
  ) {
    super(query, name, cipher);
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

  async countLinks(): Promise<LinkCounts> {
    const { rows } = await this.query<{ status: string; n: string }>(
      `SELECT status, COUNT(*) AS n FROM ${this.name('links')} GROUP BY status`,
      [],
    );
    return countsOf(rows);
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

  async updateIdentity(
    key: MemberKey,
    expectedVersion: number,
    identity: LinkedIdentity,
  ): Promise<Link | null> {
    const { p, params } = positional({
      ...identityValues(identity),
      team_id: key.teamId,
      user_id: key.userId,
      updated_at: this.now(),
      expected_version: expectedVersion,
    });
    const row = await this.one<LinkRow>(updateIdentitySql(this.name('links'), p), params);
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

  /**
   * Free, expired, already ours, or held by a store whose presence connection is gone (its
   * process died, so the server ended its session): taken in one statement.
   */
  async tryAcquireRefreshLease(key: MemberKey, owner: string, ttlMs: number): Promise<boolean> {
    // The database's clock, not this host's: processes on several hosts agree on when a
    // lease has expired however far their own clocks drift apart.
    const now = '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint';
    const mine = leaseOwner(await this.presence(), owner);
    const changed = await this.run(
      `UPDATE ${this.name('links')} SET lease_owner = $3, lease_expires_at = ${now} + $4
        WHERE ${KEY} AND (lease_owner IS NULL OR lease_owner = $3 OR lease_expires_at <= ${now}
          OR (lease_owner LIKE 'pg/%' AND NOT EXISTS (
            SELECT 1 FROM pg_stat_activity a
              WHERE ${presenceTagSql('a')} = split_part(lease_owner, '#', 1))))`,
      [...keyParams(key), mine, ttlMs],
    );
    return changed > 0;
  }

  async releaseRefreshLease(key: MemberKey, owner: string): Promise<void> {
    await this.run(
      `UPDATE ${this.name('links')} SET lease_owner = NULL, lease_expires_at = NULL
        WHERE ${KEY} AND lease_owner = $3`,
      [...keyParams(key), leaseOwner(await this.presence(), owner)],
    );
  }

  async saveOAuthState(state: OAuthState, keepPerMember?: number): Promise<void> {
    const v = oauthStateValues(state);
    const table = this.name('oauth_states');
    await this.run(insert(table, OAUTH_STATE_COLUMNS), params(OAUTH_STATE_COLUMNS, v));
    if (keepPerMember === undefined) return;
    // A separate statement, so it sees every committed state, concurrent starts' included.
    await this.run(
      `DELETE FROM ${table} WHERE ${KEY} AND state <> $3 AND state NOT IN (
        SELECT state FROM ${table} WHERE ${KEY} AND state <> $3
          ORDER BY created_at DESC, state DESC LIMIT $4)`,
      [v.team_id, v.user_id, v.state, Math.max(0, keepPerMember - 1)],
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

  private async one<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[],
  ): Promise<R | null> {
    return (await this.query<R>(sql, params)).rows[0] ?? null;
  }

  private async run(sql: string, params: unknown[]): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  private nextVersionSql(): string {
    return `nextval('${this.name('link_version_seq')}')`;
  }
}
