/**
 * The links store on SQLite: links, the OAuth states of links in progress and refresh leases.
 * Writes that read the version counter first run in IMMEDIATE transactions, so processes
 * sharing one file stay correct.
 */
import type Database from 'better-sqlite3';
import type { TokenCipher } from './crypto';
import { sqliteBindable } from './db-values';
import { identityValues } from './identity-token-rows';
import { holderOf, leaseOwner, localHolder, localHolderGone } from './lease-holder';
import { markBrokenSql, saveLinkSql, updateIdentitySql, updateTokensSql } from './link-sql';
import {
  countsOf,
  keyValues,
  type LinkRow,
  linkValues,
  OAUTH_STATE_COLUMNS,
  type OAuthStateRow,
  oauthStateValues,
  tokenValues,
  toLink,
  toOAuthState,
} from './rows';
import { insert, type SqliteConnection, SqliteLinkFlow } from './sqlite-link-flow';
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

export type { SqliteConnection };

const named = (name: string): string => `@${name}`;
const NEXT_VERSION_SQL =
  'UPDATE link_version_counter SET value = value + 1 WHERE id = 1 RETURNING value';
const SAVE_LINK_SQL = saveLinkSql('links', named, '@version');
const UPDATE_TOKENS_SQL = updateTokensSql('links', named, '@version');
const UPDATE_TOKENS_AND_IDENTITY_SQL = updateTokensSql('links', named, '@version', true);
const UPDATE_IDENTITY_SQL = updateIdentitySql('links', named);
const MARK_BROKEN_SQL = markBrokenSql('links', named, false);
const MARK_BROKEN_IF_VERSION_SQL = markBrokenSql('links', named, true);
const KEY = 'team_id = @team_id AND user_id = @user_id';
/** Spends a member's states beyond the newest `others`, never the one just saved. */
const SPEND_OLDER_STATES_SQL = `DELETE FROM oauth_states WHERE ${KEY} AND state <> @state
  AND state NOT IN (SELECT state FROM oauth_states WHERE ${KEY} AND state <> @state
    ORDER BY created_at DESC, state DESC LIMIT @others)`;

/** Links, OAuth states and leases here; Connect buttons, pending sign-ins and pins inherited. */
export class SqliteLinks extends SqliteLinkFlow implements LinksStore {
  constructor(
    db: SqliteConnection,
    cipher: TokenCipher,
    private readonly now: () => number,
  ) {
    super(db, cipher);
  }

  async getLink(key: MemberKey): Promise<Link | null> {
    const row = this.sql(`SELECT * FROM links WHERE ${KEY}`).get(keyValues(key)) as
      | LinkRow
      | undefined;
    return row ? toLink(this.cipher, row) : null;
  }

  async saveLink(link: NewLink): Promise<Link> {
    const values = linkValues(this.cipher, link, this.now());
    const row = this.db.transaction(() => {
      const version = this.nextVersion();
      return this.sql(SAVE_LINK_SQL).get(sqliteBindable({ ...values, version })) as LinkRow;
    });
    return toLink(this.cipher, row);
  }

  async deleteLink(key: MemberKey): Promise<boolean> {
    return this.sql(`DELETE FROM links WHERE ${KEY}`).run(keyValues(key)).changes > 0;
  }

  async countLinks(): Promise<LinkCounts> {
    const rows = this.sql(
      'SELECT status, COUNT(*) AS n FROM links GROUP BY status',
    ).all() as Array<{
      status: string;
      n: number;
    }>;
    return countsOf(rows);
  }

  async updateTokens(
    key: MemberKey,
    expectedVersion: number,
    tokens: TokenSet,
    identity?: LinkedIdentity,
  ): Promise<Link | null> {
    const params = sqliteBindable({
      ...tokenValues(this.cipher, key, tokens),
      ...(identity ? identityValues(identity) : {}),
      ...keyValues(key),
      updated_at: this.now(),
      expected_version: expectedVersion,
    });
    const sql = identity ? UPDATE_TOKENS_AND_IDENTITY_SQL : UPDATE_TOKENS_SQL;
    const row = this.db.transaction(() => {
      // A gap in the counter when the CAS fails is harmless: versions only need to be unique.
      const version = this.nextVersion();
      return this.sql(sql).get({ ...params, version }) as LinkRow | undefined;
    });
    return row ? toLink(this.cipher, row) : null;
  }

  async updateIdentity(
    key: MemberKey,
    expectedVersion: number,
    identity: LinkedIdentity,
  ): Promise<Link | null> {
    const params = sqliteBindable({
      ...identityValues(identity),
      ...keyValues(key),
      updated_at: this.now(),
      expected_version: expectedVersion,
    });
    const row = this.sql(UPDATE_IDENTITY_SQL).get(params) as LinkRow | undefined;
    return row ? toLink(this.cipher, row) : null;
  }

  async markBroken(key: MemberKey, reason: string, expectedVersion?: number): Promise<boolean> {
    const params = { ...keyValues(key), reason, updated_at: this.now() };
    if (expectedVersion === undefined) return this.sql(MARK_BROKEN_SQL).run(params).changes > 0;
    const cas = { ...params, expected_version: expectedVersion };
    return this.sql(MARK_BROKEN_IF_VERSION_SQL).run(cas).changes > 0;
  }

  /**
   * Free, expired or already ours: taken in one statement. Otherwise, when its holder is a
   * process of this host that has died, taken over at once (compare-and-swap on the dead
   * holder's name, so of several processes noticing it, one wins).
   */
  async tryAcquireRefreshLease(key: MemberKey, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const mine = leaseOwner(localHolder(), owner);
    const values = { ...keyValues(key), owner: mine, now, expires: now + ttlMs };
    const taken = this.sql(
      `UPDATE links SET lease_owner = @owner, lease_expires_at = @expires
        WHERE ${KEY} AND (lease_owner IS NULL OR lease_owner = @owner OR lease_expires_at <= @now)`,
    ).run(values);
    if (taken.changes > 0) return true;
    const row = this.sql(`SELECT lease_owner FROM links WHERE ${KEY}`).get(keyValues(key)) as
      | { lease_owner: string | null }
      | undefined;
    const held = row?.lease_owner;
    if (!held || !localHolderGone(holderOf(held))) return false;
    const reclaimed = this.sql(
      `UPDATE links SET lease_owner = @owner, lease_expires_at = @expires
        WHERE ${KEY} AND lease_owner = @held`,
    ).run({ ...values, held });
    return reclaimed.changes > 0;
  }

  async releaseRefreshLease(key: MemberKey, owner: string): Promise<void> {
    this.sql(
      `UPDATE links SET lease_owner = NULL, lease_expires_at = NULL
        WHERE ${KEY} AND lease_owner = @owner`,
    ).run({ ...keyValues(key), owner: leaseOwner(localHolder(), owner) });
  }

  async saveOAuthState(state: OAuthState, keepPerMember?: number): Promise<void> {
    const values = oauthStateValues(state);
    this.db.transaction(() => {
      this.sql(insert('oauth_states', OAUTH_STATE_COLUMNS)).run(values);
      if (keepPerMember === undefined) return;
      this.sql(SPEND_OLDER_STATES_SQL).run({
        ...keyValues(state),
        state: state.state,
        others: Math.max(0, keepPerMember - 1),
      });
    });
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

  private sql(text: string): Database.Statement {
    return this.db.sql(text);
  }

  private nextVersion(): number {
    return (this.sql(NEXT_VERSION_SQL).get() as { value: number }).value;
  }
}
