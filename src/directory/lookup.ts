import { AppError, isAppError } from '../errors';
import type { LookupResult, NumberInfo, PrefixResult, WhoOwnsResult } from '../model';
import { DEFAULT_PAGE_SIZE, isBareDigits, parseNumberQuery } from '../phone';
import { adminPrefixListing } from './admin-prefix';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, viewerOf } from './context';
import { extensionSummary, numberInfoV2 } from './convert';
import { homeCountry, type NumberListing, visibleNumbers } from './listings';
import { canSearchDirectory, searchOwner, searchPrefix } from './targeted';
import { extensionById } from './targets';

export interface PageRequest {
  offset?: number;
  limit?: number;
}

/**
 * "Who owns +1 650 331 6252?" and "which numbers start 1650?", answered from what the viewer
 * may see. An administrator's full number is one targeted query (plus the owner's record), and
 * a prefix one targeted search, unless their listing is already cached; a regular user's
 * questions are answered from the company directory they may read.
 */
export async function lookupNumber(
  ctx: DirectoryContext,
  query: string,
  page: PageRequest = {},
): Promise<LookupResult> {
  // A number typed with its country code needs no home country: skip that request.
  const country = query.trim().startsWith('+') ? 'US' : await homeCountry(ctx);
  const parsed = parseNumberQuery(query, country);
  if (parsed.kind === 'invalid') throw new AppError('invalid_input', parsed.reason);
  if (parsed.kind === 'full') return whoOwns(ctx, query, parsed.e164);

  const bare = query.trim().replace(/\*$/, '');
  const warm = ctx.cache.peek<NumberListing>(identityKey(ctx), 'numbers');
  const listing =
    warm ??
    (ctx.api.http.identity.isAdmin
      ? await adminPrefixListing(ctx, parsed)
      : (canSearchDirectory(ctx) &&
          (await searchPrefix(ctx, parsed, isBareDigits(bare) ? bare : null))) ||
        (await visibleNumbers(ctx)));
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.min(50, Math.max(1, Math.floor(page.limit ?? DEFAULT_PAGE_SIZE)));
  const found = listing.index.search(parsed, { offset, limit });
  const result: PrefixResult = {
    kind: 'prefix',
    query,
    digits: parsed.digits,
    page: { total: found.total, offset, limit, items: found.items.map((item) => item.value) },
    extension: isBareDigits(bare) ? (listing.extensions.get(bare) ?? null) : null,
    viewer: viewerOf(ctx),
  };
  return result;
}

async function whoOwns(ctx: DirectoryContext, query: string, e164: string): Promise<WhoOwnsResult> {
  const viewer = viewerOf(ctx);
  const warm = ctx.cache.peek<NumberListing>(identityKey(ctx), 'numbers');
  let number: NumberInfo | null;
  if (warm) number = warm.index.get(e164) ?? null;
  else if (viewer.isAdmin) number = await targetedLookup(ctx, e164);
  else if (canSearchDirectory(ctx)) number = await searchOwner(ctx, e164);
  else number = (await visibleNumbers(ctx)).index.get(e164) ?? null;
  return { kind: 'full', query, e164, number, viewer };
}

/** Admins: RingCentral's v2 number search finds one number without listing the account. */
async function targetedLookup(ctx: DirectoryContext, e164: string): Promise<NumberInfo | null> {
  let records: Awaited<ReturnType<DirectoryContext['api']['numbersMatching']>>;
  try {
    records = await ctx.cache.get(identityKey(ctx), `v2#${e164}`, () =>
      ctx.api.numbersMatching(e164, { maxWaitMs: SINGLE_CALL_WAIT_MS }),
    );
  } catch (error) {
    // The v2 API is not offered to every account: fall back to the account's number list.
    if (isAppError(error, 'forbidden') || isAppError(error, 'not_found')) {
      return (await visibleNumbers(ctx)).index.get(e164) ?? null;
    }
    throw error;
  }
  const record = records.find((candidate) => candidate.phoneNumber === e164) ?? records[0];
  if (!record) return null;
  const ownerId = record.extension?.id;
  const owner = ownerId ? extensionSummary(await extensionById(ctx, String(ownerId))) : null;
  return numberInfoV2(record, owner);
}
