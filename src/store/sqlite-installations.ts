/**
 * The installations store on SQLite: one row per Slack installation (bot token sealed), and the
 * workspaces each org-wide install was seen serving.
 */
import type { TokenCipher } from './crypto';
import { sqliteBindable } from './db-values';
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
import type { SqliteConnection } from './sqlite-link-flow';

const UPSERT = `INSERT INTO installations (${INSTALLATION_COLUMNS.join(', ')})
  VALUES (${INSTALLATION_COLUMNS.map((c) => `@${c}`).join(', ')})
  ON CONFLICT (install_key) DO UPDATE SET
    ${INSTALLATION_COLUMNS.filter((c) => c !== 'install_key')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')}`;

export class SqliteInstallations implements InstallationsStore {
  constructor(
    private readonly db: SqliteConnection,
    private readonly cipher: TokenCipher,
  ) {}

  async saveInstallation(installation: SlackInstallation): Promise<void> {
    this.db.sql(UPSERT).run(sqliteBindable(installationValues(this.cipher, installation)));
  }

  async getInstallation(key: InstallationKey): Promise<SlackInstallation | null> {
    return this.read(installationKeyText(key));
  }

  async installationForTeam(teamId: string): Promise<SlackInstallation | null> {
    const own = await this.read(installationKeyText({ kind: 'team', teamId }));
    if (own) return own;
    const noted = this.db
      .sql('SELECT enterprise_id FROM installation_teams WHERE team_id = @team_id')
      .get({ team_id: teamId }) as { enterprise_id: string } | undefined;
    if (!noted) return null;
    return this.read(
      installationKeyText({ kind: 'enterprise', enterpriseId: noted.enterprise_id }),
    );
  }

  async noteOrgTeam(enterpriseId: string, teamId: string, at: number): Promise<void> {
    this.db
      .sql(
        `INSERT INTO installation_teams (team_id, enterprise_id, seen_at)
          VALUES (@team_id, @enterprise_id, @at)
          ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id,
            seen_at = excluded.seen_at`,
      )
      .run({ team_id: teamId, enterprise_id: enterpriseId, at });
  }

  async forgetOrgTeam(enterpriseId: string, teamId: string): Promise<boolean> {
    const result = this.db
      .sql('DELETE FROM installation_teams WHERE team_id = ? AND enterprise_id = ?')
      .run(teamId, enterpriseId);
    return result.changes > 0;
  }

  async deleteInstallation(key: InstallationKey): Promise<RemovedInstallation> {
    return this.db.transaction(() => {
      const row = this.db
        .sql('DELETE FROM installations WHERE install_key = @key RETURNING *')
        .get({ key: installationKeyText(key) }) as InstallationRow | undefined;
      const noted =
        key.kind === 'enterprise'
          ? (
              this.db
                .sql('DELETE FROM installation_teams WHERE enterprise_id = @id RETURNING team_id')
                .all({ id: key.enterpriseId }) as Array<{ team_id: string }>
            ).map((r) => r.team_id)
          : [];
      return {
        installation: row ? toInstallation(this.cipher, row) : null,
        teamIds: servedTeams(key, noted),
      };
    });
  }

  private async read(keyText: string): Promise<SlackInstallation | null> {
    const row = this.db
      .sql('SELECT * FROM installations WHERE install_key = @key')
      .get({ key: keyText }) as InstallationRow | undefined;
    const installation = row ? toInstallation(this.cipher, row) : null;
    if (!row || !installation) return null;
    const fresh = resealed(this.cipher, row, installation.botToken);
    if (fresh) {
      this.db
        .sql(
          `UPDATE installations SET bot_token_sealed = @fresh
            WHERE install_key = @key AND bot_token_sealed = @old`,
        )
        .run({ fresh, key: keyText, old: row.bot_token_sealed });
    }
    return installation;
  }
}
