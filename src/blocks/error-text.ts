/**
 * The one place that turns errors into words for users. Decisions rest on `AppError.code` and
 * details, never on message text from lower layers; anything unknown gets a generic sentence, so
 * no stack trace or internal detail ever reaches Slack.
 */
import { AppError } from '../errors';
import { clip, escapeEntities } from './escape';
import { message, section } from './kit';
import type { Message } from './types';

/** What the user was doing: the command kinds of src/commands, plus share. */
export type ErrorAction =
  | 'lookup'
  | 'extension'
  | 'find'
  | 'numbers'
  | 'forwarding'
  | 'company'
  | 'share'
  | 'onboard'
  | 'export'
  | 'audit'
  | 'link'
  | 'unlink'
  | 'me'
  | 'help'
  | 'modal'
  | 'invalid';

/** Where one code needs different words for different requests. */
export interface ErrorContext {
  action?: ErrorAction;
  /** The extension asked about, for not_found and no_forwarding. */
  extensionNumber?: string | null;
}

/** Codes whose errors may carry app-written `details.userText`. */
const OWN_WORDS = new Set<AppError['code']>([
  'not_found',
  'no_forwarding',
  'cannot_post',
  'forbidden',
]);

export const GENERIC_ERROR = 'Something went wrong; nothing was changed. Try again in a moment.';

function waitText(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 'in a minute';
  const whole = Math.ceil(seconds);
  if (whole < 120) return `in ${whole} second${whole === 1 ? '' : 's'}`;
  return `in ${Math.ceil(whole / 60)} minutes`;
}

function withReason(lead: string, reason: string | undefined, fallback: string): string {
  const text = reason?.trim().replace(/[.\s]+$/, '');
  return text ? `${lead}: ${text}.` : `${lead}${fallback}`;
}

function describe(error: AppError, context: ErrorContext): string {
  const ext = context.extensionNumber?.trim();
  // Words the app itself wrote about this very case beat the general sentence for its code.
  const own = error.details.userText?.trim();
  if (own && OWN_WORDS.has(error.code)) return clip(own, 500);
  switch (error.code) {
    case 'not_linked':
      return 'You have not connected RingCentral yet. Run `/rcnumber link` to connect your own RingCentral account.';
    case 'link_broken':
      return `${withReason('Your RingCentral connection stopped working', error.details.reason, '.')} Run \`/rcnumber link\` to reconnect.`;
    case 'link_changed':
      return 'Your RingCentral link changed while I was answering. Please ask again.';
    case 'forbidden':
      return context.action === 'forwarding'
        ? "Your RingCentral role does not allow reading other people's forwarding numbers."
        : 'Your RingCentral role does not allow this.';
    case 'not_found':
      return ext
        ? `No extension ${ext} in your RingCentral account.`
        : 'RingCentral found nothing like that in your account.';
    case 'no_forwarding':
      return ext
        ? `Extension ${ext} has no forwarding numbers: only user extensions forward calls.`
        : 'That extension has no forwarding numbers: only user extensions forward calls.';
    case 'rate_limited':
      return `RingCentral asks us to slow down; try again ${waitText(error.details.retryAfterSec)}.`;
    case 'ringcentral_unavailable':
      return `RingCentral did not answer; try again ${waitText(error.details.retryAfterSec ?? 30)}.`;
    case 'ringcentral_refused':
      return 'RingCentral refused this request.';
    case 'invalid_input':
      return clip(error.message.trim(), 500) || 'That request is not valid. Try `/rcnumber help`.';
    case 'not_admin':
      if (context.action === 'onboard') {
        return 'Only RingCentral admins can send the link prompt to other members.';
      }
      if (context.action === 'audit') {
        return '`audit` is for RingCentral admins: it shows who shared what in which channel.';
      }
      return 'Only RingCentral admins can do this.';
    case 'cannot_post':
      return 'I cannot post in that conversation. Add the app to the channel, then share again.';
    case 'oauth_failed':
      return `${withReason('Connecting RingCentral did not work', error.details.reason, '.')} Run \`/rcnumber link\` to try again.`;
    default:
      return GENERIC_ERROR;
  }
}

/**
 * Words for a user, as plain text with Slack-style backticks; not escaped, so it can go into
 * any plain-text field. For Block Kit use renderError, which escapes.
 */
export function userMessage(error: unknown, context: ErrorContext = {}): string {
  return error instanceof AppError ? describe(error, context) : GENERIC_ERROR;
}

export function renderError(error: unknown, context: ErrorContext = {}): Message {
  const words = userMessage(error, context);
  return message(words, [section(`:warning: ${escapeEntities(words)}`)]);
}
