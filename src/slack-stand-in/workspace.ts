// The workspace the Slack stand-in pretends to be: users, conversations, views and messages, with
// Slack-looking ids. Kept apart from the HTTP server so the method handlers stay plain functions.
import { randomBytes } from 'node:crypto';
import { DEFAULT_MAX_UPLOAD_BYTES, type SlackFile } from './files';

export interface SlackUserProfile {
  email?: string;
  real_name?: string;
  display_name?: string;
  bot_id?: string;
}

export interface SlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  deleted: boolean;
  is_bot: boolean;
  is_app_user: boolean;
  is_admin: boolean;
  is_owner: boolean;
  /** Multi-channel guest. */
  is_restricted: boolean;
  /** Single-channel guest. */
  is_ultra_restricted: boolean;
  tz: string;
  profile: SlackUserProfile;
}

/** What a caller may give for a user; `email` is a shortcut for `profile.email`. */
export type NewSlackUser = Partial<Omit<SlackUser, 'profile'>> & {
  id: string;
  email?: string;
  profile?: SlackUserProfile;
};

export interface SlackChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  /** Whether the bot is in the conversation; decides `not_in_channel` / `channel_not_found`. */
  is_member: boolean;
  members: string[];
  /** Shared with other organisations (Slack Connect); such a channel is also `is_shared`. */
  is_ext_shared: boolean;
  /** The other party of a DM. */
  user?: string;
  created: number;
}

export type NewSlackChannel = Partial<SlackChannel> & { id: string };

/** A view as Slack answers it from views.open/update/push/publish. */
export interface SlackView {
  id: string;
  team_id: string;
  type: string;
  hash: string;
  callback_id: string;
  external_id: string;
  private_metadata: string;
  blocks: unknown[];
  state: { values: Record<string, unknown> };
  previous_view_id: string | null;
  root_view_id: string;
  app_id: string;
  bot_id: string;
  app_installed_team_id: string;
  /** The user a Home tab belongs to. */
  user_id?: string;
  [key: string]: unknown;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  user: string;
  bot_id: string;
  text: string;
  blocks?: unknown[];
  /** Ids of the files shared with the message. */
  files?: string[];
}

export interface Identity {
  teamId: string;
  teamName: string;
  botUserId: string;
  botId: string;
  appId: string;
}

const nowSec = (): number => Math.floor(Date.now() / 1000);

export class Workspace {
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  readonly views = new Map<string, SlackView>();
  /** Home tab view id per user: Slack keeps one Home view per user and app. */
  readonly homeViews = new Map<string, string>();
  readonly messages = new Map<string, StoredMessage>();
  readonly usedTriggers = new Set<string>();
  /** Uploaded files by id, pending ones included. */
  readonly files = new Map<string, SlackFile>();
  /** Where upload URLs point: the stand-in's own origin, set once it listens. */
  uploadOrigin = '';
  /** The workspace's upload limit; larger files get `file_upload_size_restricted`. */
  maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
  private readonly imByUser = new Map<string, string>();
  private seq = 0;

  constructor(
    readonly identity: Identity,
    readonly generalChannelId: string,
  ) {
    this.addUser({
      id: identity.botUserId,
      name: 'rcnumber',
      is_bot: true,
      profile: { bot_id: identity.botId, real_name: 'rcnumber', display_name: 'rcnumber' },
    });
    this.addChannel({ id: generalChannelId, name: 'general' });
  }

  /** Adds or replaces a user; full members also join #general, as they do in Slack. */
  addUser(input: NewSlackUser): SlackUser {
    const { email, profile, ...given } = input;
    // A field passed as undefined keeps its default instead of erasing it.
    const rest = Object.fromEntries(
      Object.entries(given).filter(([, value]) => value !== undefined),
    ) as typeof given;
    const name = rest.name ?? input.id.toLowerCase();
    const realName = rest.real_name ?? profile?.real_name ?? name;
    const user: SlackUser = {
      team_id: this.identity.teamId,
      name,
      real_name: realName,
      deleted: false,
      is_bot: false,
      is_app_user: false,
      is_admin: false,
      is_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      tz: 'America/Los_Angeles',
      ...rest,
      profile: {
        real_name: realName,
        display_name: profile?.display_name ?? name,
        ...profile,
        ...(email === undefined ? {} : { email }),
      },
    };
    this.users.set(user.id, user);
    const general = this.channels.get(this.generalChannelId);
    const fullMember = !user.is_restricted && !user.is_ultra_restricted && !user.deleted;
    if (general && fullMember && !general.members.includes(user.id)) general.members.push(user.id);
    return user;
  }

  /** Adds or replaces a conversation; when the bot is a member it is listed in `members` too. */
  addChannel(input: NewSlackChannel): SlackChannel {
    const isIm = input.is_im ?? input.id.startsWith('D');
    const channel: SlackChannel = {
      name: input.id.toLowerCase(),
      is_private: isIm || input.id.startsWith('G'),
      is_im: isIm,
      is_member: true,
      is_ext_shared: false,
      created: nowSec(),
      ...input,
      members: [...(input.members ?? [])],
    };
    if (channel.id === this.generalChannelId && input.members === undefined) {
      for (const user of this.users.values()) {
        if (!user.is_restricted && !user.is_ultra_restricted && !user.deleted) {
          channel.members.push(user.id);
        }
      }
    }
    const bot = this.identity.botUserId;
    if (channel.is_member && !channel.members.includes(bot)) channel.members.push(bot);
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The DM between the bot and a user, created on first use like conversations.open does. */
  openIm(userId: string): SlackChannel {
    const existing = this.imByUser.get(userId);
    const known = existing === undefined ? undefined : this.channels.get(existing);
    if (known) return known;
    const id = `D${this.nextId(8)}`;
    this.imByUser.set(userId, id);
    return this.addChannel({
      id,
      name: id,
      is_im: true,
      is_private: true,
      is_member: true,
      user: userId,
      members: [userId],
    });
  }

  /** A message timestamp: unique, increasing, shaped like `1712345678.000123`. */
  nextTs(): string {
    this.seq += 1;
    return `${nowSec()}.${String(this.seq % 1_000_000).padStart(6, '0')}`;
  }

  /** An uppercase alphanumeric id body, as in Slack's `V0123ABCD`. */
  nextId(length: number): string {
    this.seq += 1;
    return this.seq.toString(36).toUpperCase().padStart(length, '0');
  }

  /** A fresh view hash: Slack's look like `1567729381.zYdJf8eK`. */
  nextHash(): string {
    return `${nowSec()}.${randomBytes(6).toString('base64url')}`;
  }
}
