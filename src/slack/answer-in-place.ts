import { lookupModal, type Message } from '../blocks';
import type { SlackDeps } from './deps';
import { answerByDirectMessage } from './direct-message';
import { slackErrorCode } from './error-code';
import { replyThrough } from './reply';

/** Where a button was pressed: a message (answer through response_url) or a modal. */
export interface ActionPlace {
  responseUrl?: string;
  view?: { id: string; hash?: string; private_metadata?: string };
}

/** The Slack side of answering a member: the client, the log, response_url timeouts. */
export interface AnswerDeps extends SlackDeps {
  slackTimeouts?: { timeoutMs?: number; retryPauseMs?: number };
}

/**
 * Shows an action's answer where the button was: replaces the ephemeral message, or updates
 * the modal it sits in. When Slack refuses that (an expired response_url, a closed modal, a
 * call that timed out), the member gets the answer as a fresh DM instead; never throws.
 */
export async function answerInPlace(
  deps: AnswerDeps,
  userId: string,
  place: ActionPlace,
  message: Message,
  options: { replace: boolean } = { replace: true },
): Promise<void> {
  if (place.view) {
    const view = lookupModal({ state: 'ready', results: message });
    if (await updateView(deps, userId, place.view.id, view)) return;
    await answerByDirectMessage(deps, userId, message);
    return;
  }
  const replace = options.replace;
  await replyThrough(
    deps,
    { responseUrl: place.responseUrl, userId },
    {
      replace,
      ...deps.slackTimeouts,
    },
  ).answer(message);
}

/**
 * views.update that never throws: true when Slack took it. A `hash_conflict` means the view
 * changed since `hash` was read (a newer answer is showing), so it is given up quietly but
 * logged; every failure is logged once with Slack's error code.
 */
export async function updateView(
  deps: SlackDeps,
  userId: string,
  viewId: string,
  view: ReturnType<typeof lookupModal>,
  hash?: string,
): Promise<boolean> {
  try {
    await deps.slack.views.update({ view_id: viewId, view, ...(hash ? { hash } : {}) });
    return true;
  } catch (error) {
    const code = slackErrorCode(error) ?? errorName(error);
    deps.logger.warn({ userId, viewId, code }, 'views.update failed');
    return false;
  }
}

/** What failed, for a log line, when Slack sent no error code (a timeout, a reset). */
export function errorName(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'unknown';
}

/** Reads the place out of a block_actions body without trusting its shape. */
export function placeOf(body: unknown): ActionPlace {
  const b = body as { response_url?: string; view?: { id?: string; hash?: string; type?: string } };
  if (b.view?.id && b.view.type === 'modal') return { view: { id: b.view.id, hash: b.view.hash } };
  return { responseUrl: b.response_url };
}
