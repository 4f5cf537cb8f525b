import type { LookupResult, MessageNumbersResult, WhoOwnsResult } from '../model';
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
 * A regular user's number is one directory search, and Heavy allows 10 a minute per user (the
 * last 3 kept in reserve): one or two numbers ("call me at …, or …") are answered as quickly as
 * typed lookups for at most two of those. Past that, the viewer's own directory listing (Medium
 * pages, which the first search would start reading in the background anyway) answers them all
 * with no Heavy request, so one message cannot use up the minute's searches.
 */
const SEARCHED_MAX = 2;

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
  // Read once, under this viewer's own token, and cached under their identity only. Its answers
  // are used as read, so a listing dropped from the cache meanwhile costs no search per number.
  const listing =
    found.numbers.length > (viewer.isAdmin ? TARGETED_MAX : SEARCHED_MAX)
      ? await visibleNumbers(ctx)
      : null;
  const results: WhoOwnsResult[] = [];
  for (const e164 of found.numbers) {
    // What a typed lookup answers from a cached listing (lookup.ts whoOwns).
    const answer: LookupResult = listing
      ? { kind: 'full', query: e164, e164, number: listing.index.get(e164) ?? null, viewer }
      : await lookupNumber(ctx, e164);
    if (answer.kind === 'full') results.push(answer);
  }
  return { results, more: found.total - found.numbers.length, viewer };
}
