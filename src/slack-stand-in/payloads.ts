// Request bodies shaped like the ones Slack sends: slash command forms, interactivity payloads
// (block_actions, view_submission) and Events API envelopes. Defaults match the Slack stand-in
// (team T0001, channel C0001, bot U0BOT, app A0RCNUMBER).
import { randomBytes } from 'node:crypto';

export const DEFAULT_TEAM_ID = 'T0001';
export const DEFAULT_CHANNEL_ID = 'C0001';
export const DEFAULT_BOT_USER_ID = 'U0BOT';
export const DEFAULT_APP_ID = 'A0RCNUMBER';
/** Slack's deprecated verification token; Bolt ignores it but Slack still sends one. */
export const VERIFICATION_TOKEN = 'verification-token-unused';
/**
 * Slack always sends a response_url. Nothing listens on this one (port 9 on loopback), so a
 * reply sent to it fails at once; pass the stand-in's `responseUrl()` to capture replies.
 */
export const UNSET_RESPONSE_URL = 'http://127.0.0.1:9/response-url-not-set';

let seq = 0;

/** A trigger_id like Slack's `13345224609.738474920.8088930838d88f008e0`, unique per call. */
export function newTriggerId(): string {
  seq += 1;
  return `${Date.now()}.${seq}.${randomBytes(10).toString('hex')}`;
}

/** A Slack timestamp (`1700000000.123456`) for now. */
export const nowTs = (): string => (Date.now() / 1000).toFixed(6);

export interface SlashCommandFields {
  text: string;
  user_id?: string;
  user_name?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  response_url?: string;
  trigger_id?: string;
  command?: string;
  /** The Enterprise Grid organisation, for a workspace in one. */
  enterprise_id?: string;
  /** An org-wide install of the app answers this command. */
  is_enterprise_install?: boolean;
}

/** The form fields Slack posts for a slash command, url-encoded. */
export function slashCommandBody(fields: SlashCommandFields): string {
  const userId = fields.user_id ?? 'U0001';
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: fields.team_id ?? DEFAULT_TEAM_ID,
    team_domain: fields.team_domain ?? 'rcnumber-test',
    channel_id: fields.channel_id ?? DEFAULT_CHANNEL_ID,
    channel_name: fields.channel_name ?? 'general',
    user_id: userId,
    user_name: fields.user_name ?? userId.toLowerCase(),
    command: fields.command ?? '/rcnumber',
    text: fields.text,
    api_app_id: DEFAULT_APP_ID,
    ...(fields.enterprise_id ? { enterprise_id: fields.enterprise_id } : {}),
    is_enterprise_install: String(fields.is_enterprise_install ?? false),
    response_url: fields.response_url ?? UNSET_RESPONSE_URL,
    trigger_id: fields.trigger_id ?? newTriggerId(),
  }).toString();
}

const userJson = (userId: string, teamId: string) => ({
  id: userId,
  username: userId.toLowerCase(),
  name: userId.toLowerCase(),
  team_id: teamId,
});

export interface BlockActionInput {
  userId: string;
  teamId?: string;
  actionId: string;
  value?: string;
  blockId?: string;
  /**
   * Element type; `value` is set for buttons and plain-text inputs (dispatched on Enter),
   * `selected_option` for static selects.
   */
  actionType?: 'button' | 'static_select' | 'overflow' | 'plain_text_input';
  responseUrl?: string;
  channelId?: string;
  triggerId?: string;
  /** The message the button was in (ts); ephemeral messages carry no `message` object. */
  messageTs?: string;
  /** Set when the button is in a modal or the Home tab: the view as Slack stored it. */
  view?: { id: string; [key: string]: unknown };
  /** The Enterprise Grid organisation, and whether an org-wide install answers. */
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

/** A `block_actions` payload: a button (or select) clicked in a message, modal or Home tab. */
export function blockActionPayload(input: BlockActionInput): Record<string, unknown> {
  const teamId = input.teamId ?? DEFAULT_TEAM_ID;
  const blockId = input.blockId ?? 'actions';
  const type = input.actionType ?? 'button';
  const action: Record<string, unknown> = {
    type,
    action_id: input.actionId,
    block_id: blockId,
    action_ts: nowTs(),
  };
  if (type === 'button') {
    action.text = { type: 'plain_text', text: 'Button', emoji: true };
    if (input.value !== undefined) action.value = input.value;
  } else if (type === 'plain_text_input') {
    if (input.value !== undefined) action.value = input.value;
  } else if (input.value !== undefined) {
    const option = { text: { type: 'plain_text', text: input.value }, value: input.value };
    action.selected_option = option;
  }
  const common = {
    type: 'block_actions',
    user: userJson(input.userId, teamId),
    api_app_id: DEFAULT_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId ?? newTriggerId(),
    team: {
      id: teamId,
      domain: 'rcnumber-test',
      ...(input.enterpriseId ? { enterprise_id: input.enterpriseId } : {}),
    },
    enterprise: input.enterpriseId ? { id: input.enterpriseId, name: input.enterpriseId } : null,
    is_enterprise_install: input.isEnterpriseInstall ?? false,
    actions: [action],
  };
  if (input.view) {
    const { view } = input;
    return {
      ...common,
      container: { type: 'view', view_id: view.id },
      view,
      state: view.state ?? { values: {} },
      ...(input.responseUrl === undefined ? {} : { response_url: input.responseUrl }),
    };
  }
  const channelId = input.channelId ?? DEFAULT_CHANNEL_ID;
  const messageTs = input.messageTs ?? nowTs();
  return {
    ...common,
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channelId,
      is_ephemeral: input.messageTs === undefined,
    },
    channel: { id: channelId, name: channelId === DEFAULT_CHANNEL_ID ? 'general' : channelId },
    state: { values: {} },
    response_url: input.responseUrl ?? UNSET_RESPONSE_URL,
    ...(input.messageTs === undefined
      ? {}
      : { message: { type: 'message', ts: input.messageTs, user: DEFAULT_BOT_USER_ID, text: '' } }),
  };
}

/** One input's state in `view.state.values`; a plain string stands for a plain_text_input. */
export type InputState = string | { type: string; [key: string]: unknown };

export interface ViewSubmissionInput {
  userId: string;
  teamId?: string;
  callbackId: string;
  /** block_id → action_id → state. */
  values: Record<string, Record<string, InputState>>;
  privateMetadata?: string;
  viewId?: string;
  hash?: string;
  blocks?: unknown[];
  triggerId?: string;
}

/** A `view_submission` payload: the user pressed the modal's submit button. */
export function viewSubmissionPayload(input: ViewSubmissionInput): Record<string, unknown> {
  const teamId = input.teamId ?? DEFAULT_TEAM_ID;
  const viewId = input.viewId ?? `V${randomBytes(5).toString('hex').toUpperCase()}`;
  const values = Object.fromEntries(
    Object.entries(input.values).map(([blockId, actions]) => [
      blockId,
      Object.fromEntries(
        Object.entries(actions).map(([actionId, state]) => [
          actionId,
          typeof state === 'string' ? { type: 'plain_text_input', value: state } : state,
        ]),
      ),
    ]),
  );
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'rcnumber-test' },
    user: userJson(input.userId, teamId),
    api_app_id: DEFAULT_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId ?? newTriggerId(),
    view: {
      id: viewId,
      team_id: teamId,
      type: 'modal',
      blocks: input.blocks ?? [],
      private_metadata: input.privateMetadata ?? '',
      callback_id: input.callbackId,
      state: { values },
      hash: input.hash ?? `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'rcnumber', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Close', emoji: true },
      submit: { type: 'plain_text', text: 'Search', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: DEFAULT_APP_ID,
      external_id: '',
      app_installed_team_id: teamId,
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
