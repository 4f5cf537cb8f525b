/** Rows of the audit and event subscription tables, and their mapping to the store's types. */
import type {
  ActiveLink,
  EventSubscription,
  NewShareRecord,
  ShareRecord,
  UnsubscribedLink,
} from './admin-types';
import { type DbBool, type DbInt, fromDbBool, fromDbInt, fromNullableDbInt } from './db-values';

export interface ShareRow {
  id: string;
  team_id: string;
  user_id: string;
  account_id: string;
  extension_id: string;
  extension_number: string;
  command: string;
  channel_id: string;
  channel_name: string | null;
  shared_at: DbInt;
  personal_count: DbInt;
  confirmed: DbInt;
  shared_externally: DbInt;
  member_count: DbInt | null;
}

export interface SubscriptionRow {
  team_id: string;
  user_id: string;
  subscription_id: string | null;
  account_id: string;
  extension_id: string;
  token_hash: string | null;
  expires_at: DbInt | null;
  next_check_at: DbInt;
  updated_at: DbInt;
}

/** A link's member and its owner at RingCentral, as the subscription stores read links. */
export interface LinkOwnerRow {
  team_id: string;
  user_id: string;
  account_id: string;
  extension_id: string;
}

export interface ActiveLinkRow extends LinkOwnerRow {
  is_admin: DbBool;
}

/** The columns of a share, in insert order; booleans as 0/1, which both databases store alike. */
export const SHARE_COLUMNS = [
  'id',
  'team_id',
  'user_id',
  'account_id',
  'extension_id',
  'extension_number',
  'command',
  'channel_id',
  'channel_name',
  'shared_at',
  'personal_count',
  'confirmed',
  'shared_externally',
  'member_count',
] as const;

export function shareValues(id: string, share: NewShareRecord): Array<string | number | null> {
  return [
    id,
    share.teamId,
    share.userId,
    share.accountId,
    share.extensionId,
    share.extensionNumber,
    share.command,
    share.channelId,
    share.channelName,
    share.sharedAt,
    share.personalCount,
    share.confirmed ? 1 : 0,
    share.sharedExternally ? 1 : 0,
    share.memberCount,
  ];
}

export function toShare(row: ShareRow): ShareRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    userId: row.user_id,
    accountId: row.account_id,
    extensionId: row.extension_id,
    extensionNumber: row.extension_number,
    command: row.command,
    channelId: row.channel_id,
    channelName: row.channel_name,
    sharedAt: fromDbInt(row.shared_at),
    personalCount: fromDbInt(row.personal_count),
    confirmed: fromDbInt(row.confirmed) === 1,
    sharedExternally: fromDbInt(row.shared_externally) === 1,
    memberCount: fromNullableDbInt(row.member_count),
  };
}

export function toSubscription(row: SubscriptionRow): EventSubscription {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    subscriptionId: row.subscription_id,
    accountId: row.account_id,
    extensionId: row.extension_id,
    tokenHash: row.token_hash,
    expiresAt: fromNullableDbInt(row.expires_at),
    nextCheckAt: fromDbInt(row.next_check_at),
    updatedAt: fromDbInt(row.updated_at),
  };
}

export function toUnsubscribedLink(row: LinkOwnerRow): UnsubscribedLink {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    accountId: row.account_id,
    extensionId: row.extension_id,
  };
}

export function toActiveLink(row: ActiveLinkRow): ActiveLink {
  return { ...toUnsubscribedLink(row), isAdmin: fromDbBool(row.is_admin) };
}
