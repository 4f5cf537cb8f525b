import type { Installation, InstallationStore } from '@slack/bolt';
import type { InstallationKey, InstallationsStore, SlackInstallation } from '../store/types';

export interface BoltStoreHooks {
  now: () => number;
  /** A request from workspace `teamId` was authorized by this org-wide install. */
  seenUnderOrg: (installation: SlackInstallation, teamId: string) => Promise<void>;
}

/**
 * Bolt's view of the installations store: its install flow stores what `oauth.v2.access`
 * answered, and it fetches the installation for every request it authorizes. An org-wide
 * install is keyed by its enterprise id, any other by its team id. An unknown workspace throws,
 * so Bolt calls no listener for it.
 */
export function boltInstallationStore(
  installations: InstallationsStore,
  hooks: BoltStoreHooks,
): InstallationStore {
  return {
    async storeInstallation(installation) {
      await installations.saveInstallation(fromBolt(installation, hooks.now()));
    },
    async fetchInstallation(query) {
      const key = keyOfQuery(query);
      const found = key ? await installations.getInstallation(key) : null;
      if (!found) {
        throw new Error(
          `no installation for team ${query.teamId ?? '-'}, enterprise ${query.enterpriseId ?? '-'}`,
        );
      }
      if (key?.kind === 'enterprise' && query.teamId) await hooks.seenUnderOrg(found, query.teamId);
      return toBolt(found);
    },
    async deleteInstallation(query) {
      const key = keyOfQuery(query);
      if (key) await installations.deleteInstallation(key);
    },
  };
}

/** Org-wide requests carry the enterprise id; the rest are a workspace's own. */
export function keyOfQuery(query: {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}): InstallationKey | null {
  if (query.isEnterpriseInstall) {
    return query.enterpriseId ? { kind: 'enterprise', enterpriseId: query.enterpriseId } : null;
  }
  return query.teamId ? { kind: 'team', teamId: query.teamId } : null;
}

function fromBolt(installation: Installation, now: number): SlackInstallation {
  const { bot } = installation;
  // The app needs its bot: an install without one could answer nothing.
  if (!bot) throw new Error('the installation has no bot token');
  const orgWide = Boolean(installation.isEnterpriseInstall);
  return {
    teamId: orgWide ? null : (installation.team?.id ?? null),
    teamName: orgWide ? null : (installation.team?.name ?? null),
    enterpriseId: installation.enterprise?.id ?? null,
    enterpriseName: installation.enterprise?.name ?? null,
    isEnterpriseInstall: orgWide,
    appId: installation.appId ?? null,
    botToken: bot.token,
    botId: bot.id,
    botUserId: bot.userId,
    botScopes: bot.scopes,
    installerUserId: installation.user.id,
    installedAt: now,
  };
}

function toBolt(found: SlackInstallation): Installation {
  return {
    team: found.teamId ? { id: found.teamId, name: found.teamName ?? undefined } : undefined,
    enterprise: found.enterpriseId
      ? { id: found.enterpriseId, name: found.enterpriseName ?? undefined }
      : undefined,
    user: { id: found.installerUserId, token: undefined, scopes: undefined },
    bot: {
      token: found.botToken,
      id: found.botId,
      userId: found.botUserId,
      scopes: found.botScopes,
    },
    appId: found.appId ?? undefined,
    tokenType: 'bot',
    isEnterpriseInstall: found.isEnterpriseInstall,
    authVersion: 'v2',
  } as Installation;
}
