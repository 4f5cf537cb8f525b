import type { MessageNumbersResult, WhoOwnsResult } from '../model';
import { findNumbersInText } from '../phone';
import { type DirectoryContext, viewerOf } from './context';
import { homeCountry, visibleNumbers } from './listings';
import { lookupNumber } from './lookup';

/** At most this many numbers of one message are answered; the others are counted. */
export const MESSAGE_NUMBERS_MAX = 20;
/**
 * An administrator's number is one targeted (Heavy) search; past this many, one read of their
 * listing answers them all for fewer requests (and warms it for what they ask next).
 */
const TARGETED_MAX = 3;

/**
 * "Who owns these numbers?" on a message: every number in its text, read in the workspace's
 * home country first, each answered exactly as a typed lookup of it would be, under the
 * viewer's own token and visibility.
 */
export async function ownersOfNumbersIn(
  ctx: DirectoryContext,
  text: string,
): Promise<MessageNumbersResult> {
  const viewer = viewerOf(ctx);
  const found = findNumbersInText(text, await homeCountry(ctx), MESSAGE_NUMBERS_MAX);
  if (viewer.isAdmin && found.numbers.length > TARGETED_MAX) await visibleNumbers(ctx);
  const results: WhoOwnsResult[] = [];
  for (const e164 of found.numbers) {
    const answer = await lookupNumber(ctx, e164);
    if (answer.kind === 'full') results.push(answer);
  }
  return { results, more: found.total - found.numbers.length, viewer };
}
