import type { Message } from '../blocks';
import type { SlackDeps } from './deps';
import { slackErrorCode } from './error-code';

/** Why a DM could not be sent, from Slack's error code (the member is gone, or is a bot). */
export type DmFailure = 'gone' | 'bot' | 'failed';

const GONE = new Set(['channel_not_found', 'user_not_found', 'user_disabled', 'account_inactive']);

/**
 * Posts `message` in the app's DM with one member. Posting to the user id opens that DM in the
 * same call, which spares a conversations.open (Tier 3) per member on large `onboard` runs.
 * Resolves with null when sent, or why not; never throws, so a bulk run counts failures
 * instead of stopping at the first one.
 */
export async function sendDirectMessage(
  services: SlackDeps,
  userId: string,
  message: Message,
): Promise<DmFailure | null> {
  try {
    await services.slack.chat.postMessage({
      channel: userId,
      text: message.text,
      blocks: message.blocks,
    });
    return null;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'cannot_dm_bot') return 'bot';
    if (code && GONE.has(code)) return 'gone';
    services.logger.warn({ userId, code: code ?? (error as Error).message }, 'DM not sent');
    return 'failed';
  }
}

/**
 * Sends a member the answer they asked for by DM, because it could not be shown where they
 * asked: unlike bulk prompts, a DM that cannot be sent at all is logged whatever the reason.
 */
export async function answerByDirectMessage(
  services: SlackDeps,
  userId: string,
  message: Message,
): Promise<void> {
  const failure = await sendDirectMessage(services, userId, message);
  if (failure === 'gone' || failure === 'bot') {
    services.logger.warn({ userId, code: failure }, 'answer not delivered');
  }
}
