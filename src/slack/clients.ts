import type { InstallationStore } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { InstallationsStore } from '../store/types';
import { boltInstallationStore } from './installation-store';

/**
 * Where the app's own Slack calls (DMs, Home tabs, profile look-ups, shares) get their Web API
 * client: always the one acting in the member's own workspace. Listeners use the client Bolt
 * hands them, authorized for the request's workspace in the same way.
 */
export interface SlackClients {
  /**
   * The client acting in workspace `teamId` with that workspace's bot token. Throws
   * SlackNotInstalled when no installation serves the workspace.
   */
  forTeam(teamId: string): Promise<WebClient>;
  /** Drops what is kept for these workspaces (their installation was removed). */
  forget(teamIds: readonly string[]): void;
}

/** No installation serves the workspace (never installed, or uninstalled). */
export class SlackNotInstalled extends Error {
  constructor(readonly teamId: string) {
    super(`rcnumber is not installed in Slack workspace ${teamId}`);
    this.name = 'SlackNotInstalled';
  }
}

/** One workspace (SLACK_BOT_TOKEN): the one client, whatever the team, exactly as before. */
export function singleWorkspaceClients(client: WebClient): SlackClients {
  return { forTeam: async () => client, forget: () => undefined };
}

/**
 * Many workspaces: each call reads the installation that serves the workspace (one indexed
 * row), so an uninstall or reinstall handled by any process applies at once; only the client
 * per workspace and token is kept, so its queue and retries carry over between calls.
 */
export class InstalledClients implements SlackClients {
  /** By workspace and token: a reinstall's new token gets a new client. */
  private readonly clients = new LRUCache<string, WebClient>({ max: 2000 });
  /**
   * Workspaces already recorded under their org-wide install by this process, per install (its
   * time), so a reinstall writes them again. Kept a minute only: another process may have
   * forgotten a workspace since (team_access_revoked), and a workspace granted again must be
   * recorded again, or its next removal would find nothing to forget.
   */
  private readonly noted = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  /** The store Bolt's install flow and its per-request authorization read and write. */
  readonly boltStore: InstallationStore;

  constructor(
    private readonly installations: InstallationsStore,
    private readonly options: WebClientOptions,
    now: () => number,
  ) {
    this.boltStore = boltInstallationStore(installations, {
      now,
      // A signed request from workspace T under org-wide install E: T is one of E's, and work
      // without a request (reminders, the RingCentral callback) finds E's token for T from now on.
      seenUnderOrg: async (installation, teamId) => {
        const enterpriseId = installation.enterpriseId ?? '';
        const key = `${teamId}|${enterpriseId}|${installation.installedAt}`;
        if (this.noted.has(key)) return;
        await installations.noteOrgTeam(enterpriseId, teamId, now());
        this.noted.set(key, true);
      },
    });
  }

  async forTeam(teamId: string): Promise<WebClient> {
    const installation = await this.installations.installationForTeam(teamId);
    if (!installation) throw new SlackNotInstalled(teamId);
    const key = `${teamId}|${installation.botToken}`;
    let client = this.clients.get(key);
    if (!client) {
      // team_id on every call: an org-wide token must say which workspace it acts in.
      client = new WebClient(installation.botToken, { ...this.options, teamId });
      this.clients.set(key, client);
    }
    return client;
  }

  forget(teamIds: readonly string[]): void {
    const gone = new Set(teamIds);
    for (const key of [...this.clients.keys()]) {
      if (gone.has(key.slice(0, key.indexOf('|')))) this.clients.delete(key);
    }
    for (const key of [...this.noted.keys()]) {
      if (gone.has(key.slice(0, key.indexOf('|')))) this.noted.delete(key);
    }
  }
}
