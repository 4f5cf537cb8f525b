// Requests into the real Bolt app, signed the way Slack signs them, so the demo and the tests go
// through Bolt's own signature check, body parsing and routing. postSigned can also send stale
// or badly signed requests to prove they are refused.
import { createHmac } from 'node:crypto';
import {
  type EnvelopeOptions,
  eventEnvelope,
  type SlashCommandFields,
  slashCommandBody,
} from './payloads';

export interface SignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export interface SlackReply {
  status: number;
  /** The raw body Bolt answered (the ack's JSON, or empty). */
  body: string;
}

export interface SignOptions {
  /** Unix seconds to sign with; an old one makes a stale request. */
  timestampSec?: number;
  /** Sent instead of the computed signature. */
  signature?: string;
  /** Defaults to '/slack/events'. */
  path?: string;
}

const FORM = 'application/x-www-form-urlencoded';

/** Slack's v0 signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackBody(
  body: string,
  signingSecret: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
): SignatureHeaders {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSec}:${body}`)
    .digest('hex');
  return {
    'x-slack-signature': `v0=${digest}`,
    'x-slack-request-timestamp': String(timestampSec),
  };
}

/** Posts a raw body to the app with Slack's signature headers. */
export async function postSigned(
  appUrl: string,
  secret: string,
  body: string,
  contentType: string,
  opts: SignOptions = {},
): Promise<SlackReply> {
  const headers = signSlackBody(body, secret, opts.timestampSec);
  if (opts.signature !== undefined) headers['x-slack-signature'] = opts.signature;
  const response = await fetch(`${appUrl.replace(/\/+$/, '')}${opts.path ?? '/slack/events'}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'user-agent': 'Slackbot 1.0', ...headers },
    body,
  });
  return { status: response.status, body: await response.text() };
}

/** A slash command (default `/rcnumber` in C0001 of T0001 by U0001). */
export function postSlashCommand(
  appUrl: string,
  secret: string,
  fields: SlashCommandFields,
): Promise<SlackReply> {
  return postSigned(appUrl, secret, slashCommandBody(fields), FORM);
}

/** Interactivity requests are a form with one `payload` field holding JSON. */
function postPayload(appUrl: string, secret: string, payload: unknown): Promise<SlackReply> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(appUrl, secret, body, FORM);
}

/** A `block_actions` payload, e.g. from `blockActionPayload()`. */
export function postBlockAction(
  appUrl: string,
  secret: string,
  payload: Record<string, unknown>,
): Promise<SlackReply> {
  return postPayload(appUrl, secret, payload);
}

/** A shortcut, from `messageShortcutPayload()` or `globalShortcutPayload()`. */
export function postShortcut(
  appUrl: string,
  secret: string,
  payload: Record<string, unknown>,
): Promise<SlackReply> {
  return postPayload(appUrl, secret, payload);
}

/** A `view_submission` payload, e.g. from `viewSubmissionPayload()`. */
export function postViewSubmission(
  appUrl: string,
  secret: string,
  payload: Record<string, unknown>,
): Promise<SlackReply> {
  return postPayload(appUrl, secret, payload);
}

/** One Events API event inside an `event_callback` envelope, sent as JSON like Slack does. */
export function postEvent(
  appUrl: string,
  secret: string,
  event: Record<string, unknown>,
  opts: EnvelopeOptions = {},
): Promise<SlackReply> {
  return postSigned(appUrl, secret, JSON.stringify(eventEnvelope(event, opts)), 'application/json');
}
