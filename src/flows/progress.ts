import { type Message, renderProgress } from '../blocks';
import type { ProgressFn } from '../directory';
import type { Replier } from '../slack/reply';

/** Slack allows about five posts to one response_url: keep room for the answer. */
const MAX_PROGRESS_POSTS = 3;
/** Quick answers need no progress message at all. */
const QUIET_MS = 1_500;

/**
 * Shows progress of slow work through `reply`, at most a few times, never after the final
 * answer: posts are queued, and `finish` waits for the queue before posting the answer.
 */
export function progressReporter(reply: Replier, now = Date.now) {
  const started = now();
  let queue: Promise<unknown> = Promise.resolve();
  let posts = 0;
  let lastStep = -1;
  let finished = false;

  const onProgress: ProgressFn = (fraction, label) => {
    if (finished || posts >= MAX_PROGRESS_POSTS || now() - started < QUIET_MS) return;
    const step = Math.floor(Math.min(1, Math.max(0, fraction)) * 4);
    if (step <= lastStep) return;
    lastStep = step;
    posts++;
    queue = queue
      .then(() => reply.progress(renderProgress(label, fraction)))
      .catch(() => undefined);
  };

  const finish = async (message: Message) => {
    finished = true;
    await queue;
    await reply.answer(message);
  };

  return { onProgress, finish };
}
