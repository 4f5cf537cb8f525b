import type { Message } from '../blocks';
import type { SlackDeps } from './deps';
import { answerByDirectMessage } from './direct-message';
import { sendToResponseUrl } from './respond';

/** Posts to one member's response_url: progress (best effort) or the answer (delivered). */
export interface Replier {
  progress(message: Message): Promise<void>;
  answer(message: Message): Promise<void>;
}

export interface ReplyOptions {
  /** Replace the message the response_url belongs to (a button's), or post beside it. */
  replace: boolean;
  /** For tests: how long one response_url post may take. */
  timeoutMs?: number;
  /** Pause before the one retry after a 5xx or a timeout. */
  retryPauseMs?: number;
}

/** 404 and 410: the response_url is used up or expired; asking again cannot help. */
const GONE = new Set([404, 410]);

/**
 * Replies through a response_url and, when Slack refuses it (404/410: used up or expired) or
 * keeps failing (5xx, timeout: tried twice), sends the answer to the member by DM instead, so
 * the member still gets it. Progress messages are never sent by DM. Each failure is logged once,
 * with Slack's error code; nothing here throws.
 */
export function replyThrough(
  deps: SlackDeps,
  target: { responseUrl?: string | null; userId: string },
  options: ReplyOptions,
): Replier {
  let gone = !target.responseUrl;
  let progressFailed = false;

  const post = async (message: Message) => {
    const result = await sendToResponseUrl(target.responseUrl ?? '', message, options);
    if (!result.ok && result.status !== null && GONE.has(result.status)) gone = true;
    return result;
  };

  return {
    async progress(message) {
      if (gone || progressFailed) return;
      const result = await post(message);
      if (!result.ok) progressFailed = true;
    },
    async answer(message) {
      if (!gone) {
        let result = await post(message);
        if (!result.ok && !gone) {
          await new Promise((resolve) => setTimeout(resolve, options.retryPauseMs ?? 300));
          result = await post(message);
        }
        if (result.ok) return;
        deps.logger.warn(
          { userId: target.userId, status: result.status, code: result.code },
          'response_url refused the answer; sending it by DM',
        );
      }
      await answerByDirectMessage(deps, target.userId, message);
    },
  };
}
