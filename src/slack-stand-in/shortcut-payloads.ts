// Shortcut payloads shaped like Slack's: a message shortcut (`message_action`, on a message in a
// channel, with a response_url) and a global shortcut (`shortcut`: no channel, no response_url).
import {
  DEFAULT_APP_ID,
  DEFAULT_CHANNEL_ID,
  DEFAULT_TEAM_ID,
  newTriggerId,
  nowTs,
  UNSET_RESPONSE_URL,
  VERIFICATION_TOKEN,
} from './payloads';

export interface MessageShortcutInput {
  userId: string;
  teamId?: string;
  callbackId: string;
  /** The text of the message the shortcut is used on, as Slack sends it (escaped, with links). */
  text: string;
  /** Its blocks, when an app wrote it (often with a short fallback `text`). */
  blocks?: unknown[];
  /** Who wrote that message. */
  authorId?: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** A `message_action` payload: "More actions" → the app's shortcut on someone's message. */
export function messageShortcutPayload(input: MessageShortcutInput): Record<string, unknown> {
  const teamId = input.teamId ?? DEFAULT_TEAM_ID;
  const channelId = input.channelId ?? DEFAULT_CHANNEL_ID;
  const ts = nowTs();
  return {
    type: 'message_action',
    token: VERIFICATION_TOKEN,
    action_ts: nowTs(),
    team: { id: teamId, domain: 'rcnumber-test' },
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      team_id: teamId,
      name: input.userId.toLowerCase(),
    },
    channel: { id: channelId, name: channelId === DEFAULT_CHANNEL_ID ? 'general' : channelId },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? newTriggerId(),
    response_url: input.responseUrl ?? UNSET_RESPONSE_URL,
    message_ts: ts,
    message: {
      type: 'message',
      user: input.authorId ?? 'U0AUTHOR',
      ts,
      text: input.text,
      ...(input.blocks ? { blocks: input.blocks } : {}),
      team: teamId,
    },
    api_app_id: DEFAULT_APP_ID,
  };
}

/** A global `shortcut` payload: from the composer's shortcuts menu or search. */
export function globalShortcutPayload(input: {
  userId: string;
  teamId?: string;
  callbackId: string;
  triggerId?: string;
}): Record<string, unknown> {
  const teamId = input.teamId ?? DEFAULT_TEAM_ID;
  return {
    type: 'shortcut',
    token: VERIFICATION_TOKEN,
    action_ts: nowTs(),
    team: { id: teamId, domain: 'rcnumber-test' },
    user: { id: input.userId, username: input.userId.toLowerCase(), team_id: teamId },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? newTriggerId(),
  };
}
