/**
 * The installations store on PostgreSQL: one row per Slack installation (bot token sealed), and
 * the workspaces each org-wide install was seen serving. One statement per method.
 */
import type { TokenCipher } from './crypto';
import {
  INSTALLATION_COLUMNS,
  type InstallationRow,
  installationValues,
  resealed,
  servedTeams,
  toInstallation,
} from './installation-rows';
import {
  type InstallationKey,
  type InstallationsStore,
  installationKeyText,
  type RemovedInstallation,
  type SlackInstallation,
} from './installation-types';
import type { NameFn } from './migrations';
import type { PgQuery } from './postgres-query';

export class PostgresInstallations implements InstallationsStore {
  private readonly table: string;
  private readonly teams: string;

  constructor(
    private readonly query: PgQuery,
    name: NameFn,
    private readonly cipher: TokenCipher,
  ) {
    this.table = name('installations');
    this.teams = name('installation_teams');
  }

  async saveInstallation(installation: SlackInstallation): Promise<void> {
    const values = installationValues(this.cipher, installation);
    await this.query(
      `INSERT INTO ${this.table} (${INSTALLATION_COLUMNS.join(', ')})
        VALUES (${INSTALLATION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
        ON CONFLICT (install_key) DO UPDATE SET
          ${INSTALLATION_COLUMNS.filter((c) => c !== 'install_key')
            .map((c) => `${c} = excluded.${c}`)
            .join(', ')}`,
      INSTALLATION_COLUMNS.map((column) => values[column]),
    );
  }

  async getInstallation(key: InstallationKey): Promise<SlackInstallation | null> {
    return this.read(installationKeyText(key));
  }

  async installationForTeam(teamId: string): Promise<SlackInstallation | null> {
    // Its own installation first, else the org-wide one it was seen under.
    const { rows } = await this.query<InstallationRow>(
      `SELECT i.* FROM ${this.table} i WHERE i.install_key = $1
        UNION ALL
        SELECT i.* FROM ${this.table} i JOIN ${this.teams} t
          ON i.install_key = 'enterprise:' || t.enterprise_id
          WHERE t.team_id = $2`,
      [installationKeyText({ kind: 'team', teamId }), teamId],
    );
    const own = rows.find((row) => !row.is_enterprise_install) ?? rows[0];
    return own ? this.opened(own) : null;
  }

  async noteOrgTeam(enterpriseId: string, teamId: string, at: number): Promise<void> {
    await this.query(
      `INSERT INTO ${this.teams} (team_id, enterprise_id, seen_at) VALUES ($1, $2, $3)
        ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id,
          seen_at = excluded.seen_at`,
      [teamId, enterpriseId, at],
    );
  }

  async forgetOrgTeam(enterpriseId: string, teamId: string): Promise<boolean> {
    const result = await this.query(
      `DELETE FROM ${this.teams} WHERE team_id = $1 AND enterprise_id = $2`,
      [teamId, enterpriseId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async deleteInstallation(key: InstallationKey): Promise<RemovedInstallation> {
    // One statement: the row and, for an org-wide install, the workspaces noted under it.
    const enterpriseId = key.kind === 'enterprise' ? key.enterpriseId : null;
    const { rows } = await this.query<InstallationRow & { noted: string[] | null }>(
      `WITH gone AS (
          DELETE FROM ${this.table} WHERE install_key = $1 RETURNING *
        ), teams AS (
          DELETE FROM ${this.teams} WHERE enterprise_id = $2 RETURNING team_id
        )
        SELECT gone.*, (SELECT array_agg(team_id) FROM teams) AS noted
          FROM (SELECT 1) one LEFT JOIN gone ON true`,
      [installationKeyText(key), enterpriseId],
    );
    const row = rows[0];
    const installation = row?.install_key ? toInstallation(this.cipher, row) : null;
    return { installation, teamIds: servedTeams(key, row?.noted ?? []) };
  }

  private async read(keyText: string): Promise<SlackInstallation | null> {
    const { rows } = await this.query<InstallationRow>(
      `SELECT * FROM ${this.table} WHERE install_key = $1`,
      [keyText],
    );
    return rows[0] ? this.opened(rows[0]) : null;
  }

  private async opened(row: InstallationRow): Promise<SlackInstallation | null> {
    const installation = toInstallation(this.cipher, row);
    if (!installation) return null;
    const fresh = resealed(this.cipher, row, installation.botToken);
    if (fresh) {
      await this.query(
        `UPDATE ${this.table} SET bot_token_sealed = $1 WHERE install_key = $2 AND bot_token_sealed = $3`,
        [fresh, row.install_key, row.bot_token_sealed],
      );
    }
    return installation;
  }
}
