// Web API methods of the Slack stand-in: auth, chat, conversations and users. Each takes the
// decoded arguments and answers the JSON Slack would, including the errors the app must handle.
import { checkMessageBlocks } from './block-limits';
import { fileMethods } from './files';
import { type ApiAnswer, type ApiArgs, fail, text } from './types';
import { viewMethods } from './views';
import type { SlackChannel, SlackUser, Workspace } from './workspace';

export type MethodHandler = (ws: Workspace, args: ApiArgs) => ApiAnswer;

/** A channel id, or a user id standing for the DM with that user (as chat.postMessage allows). */
function resolveConversation(ws: Workspace, target: string | undefined): SlackChannel | undefined {
  if (target === undefined) return undefined;
  const channel = ws.channels.get(target);
  if (channel) return channel;
  const user = ws.users.get(target);
  return user && !user.deleted && !user.is_bot ? ws.openIm(user.id) : undefined;
}

/** Why the bot may not use a conversation: private ones it is not in are invisible to it. */
function accessError(channel: SlackChannel | undefined): ApiAnswer | undefined {
  if (!channel) return fail('channel_not_found');
  if (!channel.is_member) return fail(channel.is_private ? 'channel_not_found' : 'not_in_channel');
  return undefined;
}

function messageJson(ws: Workspace, messageText: string, ts: string, blocks: unknown) {
  const { botUserId, botId, appId, teamId } = ws.identity;
  return {
    type: 'message',
    user: botUserId,
    bot_id: botId,
    app_id: appId,
    team: teamId,
    text: messageText,
    ts,
    ...(blocks === undefined ? {} : { blocks }),
  };
}

function checkContent(args: ApiArgs): ApiAnswer | undefined {
  if (!text(args.text) && args.blocks === undefined && args.attachments === undefined) {
    return fail('no_text');
  }
  const problem = checkMessageBlocks(args.blocks);
  return problem ? fail(problem.error, [problem.message]) : undefined;
}

const postMessage: MethodHandler = (ws, args) => {
  const channel = resolveConversation(ws, text(args.channel));
  const problem = accessError(channel) ?? checkContent(args);
  if (problem || !channel) return problem ?? fail('channel_not_found');
  const ts = ws.nextTs();
  const messageText = text(args.text) ?? '';
  ws.messages.set(`${channel.id}:${ts}`, {
    channel: channel.id,
    ts,
    user: ws.identity.botUserId,
    bot_id: ws.identity.botId,
    text: messageText,
    blocks: args.blocks,
  });
  return {
    ok: true,
    channel: channel.id,
    ts,
    message: messageJson(ws, messageText, ts, args.blocks),
  };
};

const postEphemeral: MethodHandler = (ws, args) => {
  const channel = resolveConversation(ws, text(args.channel));
  const problem = accessError(channel) ?? checkContent(args);
  if (problem || !channel) return problem ?? fail('channel_not_found');
  const userId = text(args.user);
  if (userId === undefined || !ws.users.has(userId) || !channel.members.includes(userId)) {
    return fail('user_not_in_channel');
  }
  return { ok: true, message_ts: ws.nextTs() };
};

const update: MethodHandler = (ws, args) => {
  const channelId = text(args.channel);
  const message = ws.messages.get(`${channelId}:${text(args.ts)}`);
  if (!message) return fail('message_not_found');
  if (message.user !== ws.identity.botUserId) return fail('cant_update_message');
  const problem = checkMessageBlocks(args.blocks);
  if (problem) return fail(problem.error, [problem.message]);
  message.text = text(args.text) ?? message.text;
  if (args.blocks !== undefined) message.blocks = args.blocks;
  return {
    ok: true,
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    message: messageJson(ws, message.text, message.ts, message.blocks),
  };
};

function channelJson(ws: Workspace, channel: SlackChannel) {
  if (channel.is_im) {
    return {
      id: channel.id,
      created: channel.created,
      is_im: true,
      is_org_shared: false,
      user: channel.user,
      is_user_deleted: channel.user ? (ws.users.get(channel.user)?.deleted ?? false) : false,
      priority: 0,
    };
  }
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.is_private,
    is_group: channel.is_private,
    is_im: false,
    is_mpim: false,
    is_private: channel.is_private,
    is_archived: false,
    is_general: channel.id === ws.generalChannelId,
    is_member: channel.is_member,
    is_shared: channel.is_ext_shared,
    is_ext_shared: channel.is_ext_shared,
    is_org_shared: false,
    context_team_id: ws.identity.teamId,
    created: channel.created,
    creator: ws.identity.botUserId,
    num_members: channel.members.length,
  };
}

const conversationsOpen: MethodHandler = (ws, args) => {
  const channelId = text(args.channel);
  if (channelId !== undefined) {
    const channel = ws.channels.get(channelId);
    return channel?.is_im ? { ok: true, channel: { id: channel.id } } : fail('channel_not_found');
  }
  const users = (text(args.users) ?? '').split(',').filter(Boolean);
  if (users.length !== 1) {
    // Group DMs are out of scope for this app; say so rather than pretend.
    return fail('invalid_arguments', ['[ERROR] the stand-in opens one-person DMs only']);
  }
  const user = ws.users.get(users[0] ?? '');
  if (!user) return fail('user_not_found');
  if (user.deleted) return fail('user_disabled');
  if (user.is_bot) return fail('cannot_dm_bot');
  const channel = ws.openIm(user.id);
  const full = args.return_im === true || args.return_im === 'true';
  return { ok: true, channel: full ? channelJson(ws, channel) : { id: channel.id } };
};

const conversationsInfo: MethodHandler = (ws, args) => {
  const channel = ws.channels.get(text(args.channel) ?? '');
  if (!channel || (channel.is_private && !channel.is_member)) return fail('channel_not_found');
  return { ok: true, channel: channelJson(ws, channel) };
};

// Slack's cursors are opaque base64 strings such as `dXNlcjpVMDYxTkZUVDI=` ("user:U061NFTT2").
const encodeCursor = (userId: string): string => Buffer.from(`user:${userId}`).toString('base64');
const decodeCursor = (cursor: string): string | undefined => {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  return decoded.startsWith('user:') ? decoded.slice(5) : undefined;
};

const conversationsMembers: MethodHandler = (ws, args) => {
  const channel = ws.channels.get(text(args.channel) ?? '');
  if (!channel || (channel.is_private && !channel.is_member)) return fail('channel_not_found');
  const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 1000);
  let start = 0;
  const cursor = text(args.cursor);
  if (cursor !== undefined) {
    const from = decodeCursor(cursor);
    start = from === undefined ? -1 : channel.members.indexOf(from);
    if (start < 0) return fail('invalid_cursor');
  }
  const members = channel.members.slice(start, start + limit);
  const next = channel.members[start + limit];
  return {
    ok: true,
    members,
    response_metadata: { next_cursor: next === undefined ? '' : encodeCursor(next) },
  };
};

const userJson = (user: SlackUser) => ({ ...user, profile: { ...user.profile } });

const usersInfo: MethodHandler = (ws, args) => {
  const user = ws.users.get(text(args.user) ?? '');
  return user ? { ok: true, user: userJson(user) } : fail('user_not_found');
};

const lookupByEmail: MethodHandler = (ws, args) => {
  const email = text(args.email)?.toLowerCase();
  // Slack does not return deactivated users here, only users.info and users.list do.
  const user = [...ws.users.values()].find(
    (candidate) => !candidate.deleted && candidate.profile.email?.toLowerCase() === email,
  );
  return user && email ? { ok: true, user: userJson(user) } : fail('users_not_found');
};

const authTest: MethodHandler = (ws) => {
  const { teamId, teamName, botUserId, botId } = ws.identity;
  return {
    ok: true,
    url: `https://${teamName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.slack.com/`,
    team: teamName,
    user: ws.users.get(botUserId)?.name ?? 'rcnumber',
    team_id: teamId,
    user_id: botUserId,
    bot_id: botId,
    is_enterprise_install: false,
  };
};

export const methods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'conversations.open': conversationsOpen,
  'conversations.info': conversationsInfo,
  'conversations.members': conversationsMembers,
  'users.info': usersInfo,
  'users.lookupByEmail': lookupByEmail,
  ...viewMethods,
  ...fileMethods,
};
