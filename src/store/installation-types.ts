/**
 * Slack installations (many-workspace mode): one per workspace, or one per Enterprise Grid
 * organisation for an org-wide install, each with its own bot token (sealed at rest).
 */

/**
 * Which installation: a workspace's own (`team`), or an organisation's org-wide one
 * (`enterprise`), which acts in every workspace of that organisation it was granted.
 */
export type InstallationKey =
  | { kind: 'team'; teamId: string }
  | { kind: 'enterprise'; enterpriseId: string };

export interface SlackInstallation {
  /** The workspace installed in; null for an org-wide install. */
  teamId: string | null;
  teamName: string | null;
  /** The Grid organisation: the org-wide install's, or the workspace's when it is in one. */
  enterpriseId: string | null;
  enterpriseName: string | null;
  isEnterpriseInstall: boolean;
  appId: string | null;
  botToken: string;
  botId: string;
  botUserId: string;
  botScopes: string[];
  /** The Slack member who installed the app. */
  installerUserId: string;
  installedAt: number;
}

/** What removing an installation found: the workspaces whose links must go with it. */
export interface RemovedInstallation {
  /** The installation that was removed; null when there was none (already removed). */
  installation: SlackInstallation | null;
  /**
   * The workspaces it served: the one workspace of a workspace install (even when already
   * removed, so a repeated event still cleans up), or every workspace seen under an org install.
   */
  teamIds: string[];
}

/** The installations of the Slack app, kept beside the links. */
export interface InstallationsStore {
  /** Inserts, or replaces the installation under the same key (a reinstall brings a new token). */
  saveInstallation(installation: SlackInstallation): Promise<void>;
  /**
   * The installation under `key`; null when there is none, or when its bot token can no longer
   * be decrypted (its key was removed from TOKEN_ENCRYPTION_KEY): the workspace reinstalls.
   */
  getInstallation(key: InstallationKey): Promise<SlackInstallation | null>;
  /**
   * The installation that acts in workspace `teamId`: its own, else the org-wide one of the
   * organisation it was seen under (`noteOrgTeam`); null when none does.
   */
  installationForTeam(teamId: string): Promise<SlackInstallation | null>;
  /**
   * Records that workspace `teamId` is served by the org-wide install of `enterpriseId`, as a
   * signed request from that workspace said; kept until that installation is removed.
   */
  noteOrgTeam(enterpriseId: string, teamId: string, at: number): Promise<void>;
  /**
   * The org-wide install of `enterpriseId` no longer serves workspace `teamId`: forgets the
   * note. Resolves with whether there was one (a workspace of another organisation has none).
   */
  forgetOrgTeam(enterpriseId: string, teamId: string): Promise<boolean>;
  /** Removes the installation (and, for an org-wide one, the workspaces noted under it). */
  deleteInstallation(key: InstallationKey): Promise<RemovedInstallation>;
}

/** The primary key of an installation: `team:T…` or `enterprise:E…`. */
export function installationKeyText(key: InstallationKey): string {
  return key.kind === 'team' ? `team:${key.teamId}` : `enterprise:${key.enterpriseId}`;
}

/** The key an installation is stored under. */
export function keyOfInstallation(installation: SlackInstallation): InstallationKey {
  if (installation.isEnterpriseInstall) {
    if (!installation.enterpriseId) throw new Error('an org-wide install needs its enterprise id');
    return { kind: 'enterprise', enterpriseId: installation.enterpriseId };
  }
  if (!installation.teamId) throw new Error('a workspace install needs its team id');
  return { kind: 'team', teamId: installation.teamId };
}
