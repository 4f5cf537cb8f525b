/**
 * The schema of both stores as an ordered list of migrations. The SQL text is shared: SQLite
 * gives BIGINT integer affinity and accepts BOOLEAN, so only the link version counter differs
 * (PostgreSQL has sequences; SQLite gets a one-row counter table).
 *
 * Append new migrations at the end with the next version; never edit one that has shipped.
 */

export type Dialect = 'sqlite' | 'postgres';

/** How a dialect names a table or sequence (PostgreSQL may qualify it with a schema). */
export type NameFn = (name: string) => string;

export interface Migration {
  version: number;
  name: string;
  statements(dialect: Dialect, name: NameFn): string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'links, oauth states, members',
    statements: (dialect, name) => [
      `CREATE TABLE ${name('links')} (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        extension_id TEXT NOT NULL,
        extension_number TEXT NOT NULL,
        name TEXT NOT NULL,
        extension_type TEXT NOT NULL,
        is_admin BOOLEAN NOT NULL,
        email TEXT,
        access_token_sealed TEXT NOT NULL,
        refresh_token_sealed TEXT NOT NULL,
        access_token_expires_at BIGINT NOT NULL,
        refresh_token_expires_at BIGINT NOT NULL,
        scope TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        version BIGINT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'broken')),
        broken_reason TEXT,
        linked_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        lease_owner TEXT,
        lease_expires_at BIGINT,
        PRIMARY KEY (team_id, user_id)
      )`,
      `CREATE TABLE ${name('oauth_states')} (
        state TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        channel_id TEXT,
        response_url TEXT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      `CREATE INDEX oauth_states_expires_at ON ${name('oauth_states')} (expires_at)`,
      `CREATE TABLE ${name('members')} (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        welcomed_at BIGINT,
        last_prompted_at BIGINT,
        link_opened_at BIGINT,
        reminder_due_at BIGINT,
        reminder_sent_at BIGINT,
        PRIMARY KEY (team_id, user_id)
      )`,
      // Only pending reminders are ever scanned, so index just those.
      `CREATE INDEX members_pending_reminders ON ${name('members')} (reminder_due_at)
        WHERE reminder_sent_at IS NULL AND reminder_due_at IS NOT NULL`,
      // Link versions come from one database-wide counter, so a version never repeats even after
      // a member unlinks and links again: a refresh that read the old link can never win its CAS.
      ...(dialect === 'postgres'
        ? [`CREATE SEQUENCE ${name('link_version_seq')}`]
        : [
            `CREATE TABLE ${name('link_version_counter')} (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              value BIGINT NOT NULL
            )`,
            `INSERT INTO ${name('link_version_counter')} (id, value) VALUES (1, 0)`,
          ]),
    ],
  },
  {
    version: 2,
    name: 'connect buttons, pending sign-ins, workspace accounts',
    statements: (_dialect, name) => [
      // A Connect button's URL carries only an opaque token; what it stands for lives here.
      `CREATE TABLE ${name('connect_starts')} (
        token_hash TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        channel_id TEXT,
        response_url TEXT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      `CREATE INDEX connect_starts_expires_at ON ${name('connect_starts')} (expires_at)`,
      `CREATE TABLE ${name('pending_links')} (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        extension_id TEXT NOT NULL,
        extension_number TEXT NOT NULL,
        name TEXT NOT NULL,
        extension_type TEXT NOT NULL,
        is_admin BOOLEAN NOT NULL,
        email TEXT,
        account_name TEXT,
        access_token_sealed TEXT NOT NULL,
        refresh_token_sealed TEXT NOT NULL,
        access_token_expires_at BIGINT NOT NULL,
        refresh_token_expires_at BIGINT NOT NULL,
        scope TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        channel_id TEXT,
        response_url TEXT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      `CREATE INDEX pending_links_expires_at ON ${name('pending_links')} (expires_at)`,
      `CREATE TABLE ${name('workspace_accounts')} (
        team_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        account_name TEXT,
        pinned_at BIGINT NOT NULL
      )`,
      // The per-member cap on open OAuth states counts a member's states at every start.
      `CREATE INDEX oauth_states_member ON ${name('oauth_states')} (team_id, user_id, created_at)`,
    ],
  },
  {
    version: 3,
    name: 'share audit, RingCentral event subscriptions',
    statements: (_dialect, name) => [
      `CREATE TABLE ${name('share_audit')} (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        extension_id TEXT NOT NULL,
        extension_number TEXT NOT NULL,
        command TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        channel_name TEXT,
        shared_at BIGINT NOT NULL,
        personal_count INTEGER NOT NULL,
        confirmed INTEGER NOT NULL,
        shared_externally INTEGER NOT NULL,
        member_count INTEGER
      )`,
      // An admin reads their own workspace and account, newest first; the purge reads by age.
      `CREATE INDEX share_audit_scope ON ${name('share_audit')} (team_id, account_id, shared_at)`,
      `CREATE INDEX share_audit_shared_at ON ${name('share_audit')} (shared_at)`,
      `CREATE TABLE ${name('event_subscriptions')} (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        subscription_id TEXT UNIQUE,
        account_id TEXT NOT NULL,
        extension_id TEXT NOT NULL,
        token_hash TEXT,
        expires_at BIGINT,
        next_check_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (team_id, user_id)
      )`,
      `CREATE INDEX event_subscriptions_next_check ON ${name('event_subscriptions')} (next_check_at)`,
    ],
  },
  {
    version: 4,
    name: 'broken link notices',
    // Which broken link (by its version) the member was told about, so each is told once.
    statements: (_dialect, name) => [
      `ALTER TABLE ${name('members')} ADD COLUMN broken_notice_version BIGINT`,
    ],
  },
  {
    version: 5,
    name: 'slack installations',
    statements: (_dialect, name) => [
      // One row per installation: `team:T…` for a workspace, `enterprise:E…` for an org-wide
      // install. The bot token is sealed like RingCentral's tokens.
      `CREATE TABLE ${name('installations')} (
        install_key TEXT PRIMARY KEY,
        team_id TEXT,
        team_name TEXT,
        enterprise_id TEXT,
        enterprise_name TEXT,
        is_enterprise_install BOOLEAN NOT NULL,
        app_id TEXT,
        bot_token_sealed TEXT NOT NULL,
        bot_id TEXT NOT NULL,
        bot_user_id TEXT NOT NULL,
        bot_scopes TEXT NOT NULL,
        installer_user_id TEXT NOT NULL,
        installed_at BIGINT NOT NULL
      )`,
      // The workspaces an org-wide install was seen serving, so work without a request (a
      // reminder, the RingCentral callback) finds the token for a workspace.
      `CREATE TABLE ${name('installation_teams')} (
        team_id TEXT PRIMARY KEY,
        enterprise_id TEXT NOT NULL,
        seen_at BIGINT NOT NULL
      )`,
      `CREATE INDEX installation_teams_enterprise ON ${name('installation_teams')} (enterprise_id)`,
      // Forgetting a workspace finds its rows by team (links and members lead with it already).
      `CREATE INDEX pending_links_team ON ${name('pending_links')} (team_id)`,
      `CREATE INDEX connect_starts_team ON ${name('connect_starts')} (team_id)`,
    ],
  },
  {
    version: 6,
    name: 'shared rate budget',
    // Every RingCentral request, per person and rate group, so processes share one budget.
    statements: (_dialect, name) => [
      `CREATE TABLE ${name('rate_spend')} (
        id TEXT PRIMARY KEY,
        budget_key TEXT NOT NULL,
        rate_group TEXT NOT NULL,
        sent_at BIGINT NOT NULL
      )`,
      `CREATE INDEX rate_spend_window ON ${name('rate_spend')} (budget_key, rate_group, sent_at)`,
      `CREATE INDEX rate_spend_sent_at ON ${name('rate_spend')} (sent_at)`,
      `CREATE TABLE ${name('rate_blocks')} (
        budget_key TEXT NOT NULL,
        rate_group TEXT NOT NULL,
        blocked_until BIGINT NOT NULL,
        PRIMARY KEY (budget_key, rate_group)
      )`,
    ],
  },
  {
    version: 7,
    name: 'stale notices',
    // Which identity's cached answers an event made stale, for every process to forget.
    statements: (dialect, name) => [
      `CREATE TABLE ${name('stale_notices')} (
        seq ${dialect === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT'},
        identity_key TEXT NOT NULL,
        origin TEXT NOT NULL,
        announced_at BIGINT NOT NULL
      )`,
      `CREATE INDEX stale_notices_announced_at ON ${name('stale_notices')} (announced_at)`,
    ],
  },
];

/** The table that records which migrations have run. */
export function schemaVersionTableSql(name: NameFn): string {
  return `CREATE TABLE IF NOT EXISTS ${name('schema_version')} (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
  )`;
}

/** Migrations newer than `current`, in order. */
export function pendingMigrations(current: number): Migration[] {
  return [...MIGRATIONS].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
}

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
