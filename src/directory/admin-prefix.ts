import { cpuSlices } from '../cpu-slices';
import { isAppError } from '../errors';
import type { ExtensionSummary, NumberInfo } from '../model';
import { PrefixIndex, type PrefixQuery, queryPrefixes } from '../phone';
import { type DirectoryContext, identityKey, listing } from './context';
import { numberInfoV2 } from './convert';
import { allExtensions, type NumberListing, visibleNumbers } from './listings';

/**
 * An administrator's numbers starting with a prefix. RingCentral's v2 number search takes the
 * prefix as a pattern (`+1650331*`): one Heavy request per reading of the digits, instead of
 * listing every number of the account (20 Heavy pages for 20,000 numbers, two minutes of an
 * administrator's Heavy budget). Owners are named from the extension list (Medium), which
 * `find` shares. Where the v2 API is not offered, the account's number list answers instead.
 */
export async function adminPrefixListing(
  ctx: DirectoryContext,
  query: PrefixQuery,
): Promise<NumberListing> {
  const patterns = queryPrefixes(query).map((prefix) => `${prefix}*`);
  try {
    return await ctx.cache.get(identityKey(ctx), `prefix#${patterns.join(',')}`, () =>
      searchPatterns(ctx, query, patterns),
    );
  } catch (error) {
    if (isAppError(error, 'forbidden') || isAppError(error, 'not_found')) {
      return visibleNumbers(ctx);
    }
    throw error;
  }
}

async function searchPatterns(
  ctx: DirectoryContext,
  query: PrefixQuery,
  patterns: string[],
): Promise<NumberListing> {
  const records = [];
  for (const [i, pattern] of patterns.entries()) {
    const span = 0.5 / patterns.length;
    records.push(
      ...(await ctx.api.allNumbersMatching(
        pattern,
        listing(ctx, 'Collecting numbers…', i * span, span),
      )),
    );
  }
  // v2 records name only the owner's id and number: names come from the extension list.
  const extensions = await allExtensions(ctx, 0.5, 0.5);
  const numbers: NumberInfo[] = [];
  for (const record of records) {
    const ownerId = record.extension?.id;
    const owner: ExtensionSummary | null = ownerId
      ? (extensions.byId.get(String(ownerId)) ?? {
          id: String(ownerId),
          extensionNumber: record.extension?.extensionNumber ?? null,
          name: `ext ${record.extension?.extensionNumber ?? ownerId}`,
          type: null,
          status: null,
          email: null,
        })
      : null;
    const info = numberInfoV2(record, owner);
    if (info) numbers.push(info);
    if (numbers.length % 256 === 0) await cpuSlices.pause();
  }
  // Only the extension the digits name: this entry must not hold the whole extension map.
  const bare = extensions.byNumber.get(query.digits);
  return {
    index: await PrefixIndex.build(numbers.map((value) => ({ e164: value.e164, value }))),
    extensions: new Map(bare ? [[query.digits, bare]] : []),
  };
}
