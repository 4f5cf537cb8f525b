/**
 * Rows of the installations table as both databases return them, and their mapping to the
 * store's types. Shared, like rows.ts, so both stores seal and parse the bot token the same way.
 */
import { type TokenCipher, TokenDecryptError } from './crypto';
import { type DbBool, type DbInt, fromDbBool, fromDbInt } from './db-values';
import {
  type InstallationKey,
  installationKeyText,
  keyOfInstallation,
  type SlackInstallation,
} from './installation-types';

export interface InstallationRow {
  install_key: string;
  team_id: string | null;
  team_name: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  is_enterprise_install: DbBool;
  app_id: string | null;
  bot_token_sealed: string;
  bot_id: string;
  bot_user_id: string;
  bot_scopes: string;
  installer_user_id: string;
  installed_at: DbInt;
}

/** Columns of installations in a fixed order (PostgreSQL binds them by position). */
export const INSTALLATION_COLUMNS = [
  'install_key',
  'team_id',
  'team_name',
  'enterprise_id',
  'enterprise_name',
  'is_enterprise_install',
  'app_id',
  'bot_token_sealed',
  'bot_id',
  'bot_user_id',
  'bot_scopes',
  'installer_user_id',
  'installed_at',
] as const satisfies readonly (keyof InstallationRow)[];

/** What binds a sealed bot token to its installation: a copied ciphertext no longer opens. */
function tokenContext(keyText: string): string {
  return `installation:${keyText}:bot`;
}

export function installationValues(
  cipher: TokenCipher,
  installation: SlackInstallation,
): InstallationRow {
  const keyText = installationKeyText(keyOfInstallation(installation));
  return {
    install_key: keyText,
    team_id: installation.teamId,
    team_name: installation.teamName,
    enterprise_id: installation.enterpriseId,
    enterprise_name: installation.enterpriseName,
    is_enterprise_install: installation.isEnterpriseInstall,
    app_id: installation.appId,
    bot_token_sealed: cipher.encrypt(installation.botToken, tokenContext(keyText)),
    bot_id: installation.botId,
    bot_user_id: installation.botUserId,
    bot_scopes: installation.botScopes.join(','),
    installer_user_id: installation.installerUserId,
    installed_at: installation.installedAt,
  };
}

/** The stored installation; null when its bot token no longer opens with our keys. */
export function toInstallation(
  cipher: TokenCipher,
  row: InstallationRow,
): SlackInstallation | null {
  let botToken: string;
  try {
    botToken = cipher.decrypt(row.bot_token_sealed, tokenContext(row.install_key));
  } catch (error) {
    if (error instanceof TokenDecryptError) return null;
    throw error;
  }
  return {
    teamId: row.team_id,
    teamName: row.team_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    isEnterpriseInstall: fromDbBool(row.is_enterprise_install),
    appId: row.app_id,
    botToken,
    botId: row.bot_id,
    botUserId: row.bot_user_id,
    botScopes: row.bot_scopes === '' ? [] : row.bot_scopes.split(','),
    installerUserId: row.installer_user_id,
    installedAt: fromDbInt(row.installed_at),
  };
}

/**
 * A bot token sealed under an older key (TOKEN_ENCRYPTION_KEY was rotated) is sealed again under
 * the current one when read: bot tokens never rotate by themselves, so otherwise the old key
 * could never be dropped. The new sealed value, or null when it is current.
 */
export function resealed(cipher: TokenCipher, row: InstallationRow, botToken: string) {
  if (row.bot_token_sealed.startsWith(`v1.${cipher.keyId}.`)) return null;
  return cipher.encrypt(botToken, tokenContext(row.install_key));
}

/** The workspaces a removal cleans up after, for the installation under `key`. */
export function servedTeams(key: InstallationKey, noted: readonly string[]): string[] {
  return key.kind === 'team' ? [key.teamId] : [...noted];
}
