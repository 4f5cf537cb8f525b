// Shapes shared by the Slack stand-in's server, its method handlers and the callers (the demo,
// the tests) that read what the app sent.

/** A Block Kit block as the app sent it. */
export interface SlackBlock {
  type: string;
  block_id?: string;
  [key: string]: unknown;
}

/** A view as the app sent it to views.open/update/push/publish. */
export interface ViewArgs {
  type: string;
  blocks: SlackBlock[];
  callback_id?: string;
  private_metadata?: string;
  external_id?: string;
  title?: { type: 'plain_text'; text: string };
  [key: string]: unknown;
}

/**
 * Arguments of one Web API call, decoded: form fields that carry JSON (`blocks`, `view`…) are
 * parsed, everything else stays as sent (so numbers and booleans arrive as strings from a form).
 * The named fields are typed for convenience; a malformed value is answered with an error.
 */
export interface ApiArgs {
  [key: string]: unknown;
  channel?: string;
  user?: string;
  users?: string;
  user_id?: string;
  email?: string;
  text?: string;
  ts?: string;
  blocks?: SlackBlock[];
  view?: ViewArgs;
  view_id?: string;
  external_id?: string;
  hash?: string;
  trigger_id?: string;
  cursor?: string;
}

export interface ApiAnswer {
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

export interface RecordedCall {
  method: string;
  args: ApiArgs;
  /** The token from `Authorization: Bearer …` (or a `token` form field), if any. */
  token: string | undefined;
  /** The workspace the call acted in (by its token), when it got that far. */
  teamId: string | undefined;
  /** Date.now() when the call arrived. */
  at: number;
  /** HTTP status answered: 200, or 429 when rate limited. */
  status: number;
  /** The JSON answered. */
  response: ApiAnswer;
  ok: boolean;
  error: string | undefined;
}

/** A message posted to a response_url, as Bolt's `respond()` sends it. */
export interface ResponseBody {
  text?: string;
  blocks?: SlackBlock[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  [key: string]: unknown;
}

export interface RecordedResponse {
  /** The id in the response_url (`…/response/<id>`). */
  id: string;
  body: ResponseBody;
  at: number;
}

export const fail = (error: string, messages?: string[]): ApiAnswer =>
  messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };

/** A non-empty string argument, or undefined. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
