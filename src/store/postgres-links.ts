/**
 * The links store on PostgreSQL: links, the OAuth states of links in progress and refresh
 * leases. Every method is one statement (upserts, conditional UPDATEs, DELETE … RETURNING), so
 * atomicity comes from the database itself and no transaction is held across a round trip.
 */
import type pg from 'pg';
import type { TokenCipher } from './crypto';
import {
  markBrokenSql,
  positional,
  saveLinkSql,
  updateIdentitySql,
  updateTokensSql,
} from './link-sql';
import type { NameFn } from './migrations';
import { keyParams, type PgQuery } from './postgres-query';
import {
  countsOf,
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
  LinkCounts,
  LinkedIdentity,
  LinksStore,
  MemberKey,
  NewLink,
  OAuthState,
  TokenSet,
} from './types';

const KEY = 'team_id = $1 AND user_id = $2';

export class PostgresLinks implements LinksStore {
  constructor(
    private readonly query: PgQuery,
    private readonly name: NameFn,
    private readonly cipher: TokenCipher,
    private readonly now: () => number,
  ) {}

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
