import type { NumberInfo } from '../model';
import {
  digitsOf,
  leadingCallingCode,
  PrefixIndex,
  type PrefixQuery,
  prefixMatches,
} from '../phone';
import type { DirectoryEntryRecord } from '../ringcentral/types';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, selfSummary } from './context';
import { mainNumberInfo, numberInfo } from './convert';
import { directoryNumbers } from './directory-entry';
import { extensionNumberRecords } from './extensions';
import { account, type NumberListing, visibleNumbers } from './listings';

/**
 * A regular user's cold question answered by one targeted directory search (Heavy) instead of
 * the whole directory (10 Medium pages for 10,000 extensions, and a few hundred ms of CPU),
 * while the directory is read in the background for the questions after it. Taken only while
 * the Heavy budget keeps a reserve, so a burst of questions falls back to the listing instead
 * of waiting for RingCentral.
 */

/** Heavy requests left untouched for what only Heavy can do (an admin's company numbers). */
const HEAVY_RESERVE = 3;
/** Shorter prefixes match too many numbers for one page of search results. */
const MIN_PREFIX_DIGITS = 6;

export function canSearchDirectory(ctx: DirectoryContext): boolean {
  return !ctx.api.http.identity.isAdmin && ctx.api.http.available('Heavy') > HEAVY_RESERVE;
}

/** Starts reading this viewer's whole directory in the background (progress never shown). */
export function warmDirectory(ctx: DirectoryContext): void {
  const quiet: DirectoryContext = { api: ctx.api, cache: ctx.cache, tables: ctx.tables };
  ctx.cache.warm(identityKey(ctx), 'numbers', () => visibleNumbers(quiet), ctx.background);
}

/** Who owns one number, from the entries whose numbers contain its national digits. */
export async function searchOwner(ctx: DirectoryContext, e164: string): Promise<NumberInfo | null> {
  const entries = await searchNumbers(ctx, nationalDigits(digitsOf(e164)));
  warmDirectory(ctx);
  if (!entries) return (await visibleNumbers(ctx)).index.get(e164) ?? null;
  const found = await numbersFound(ctx, entries, (other) => other === e164, false);
  return found.get(e164) ?? null;
}

/**
 * A prefix from one search per reading of the digits, or null when the prefix is too short or
 * one page of results does not hold every match: the listing answers then.
 */
export async function searchPrefix(
  ctx: DirectoryContext,
  query: PrefixQuery,
  bare: string | null,
): Promise<NumberListing | null> {
  if (query.digits.length < MIN_PREFIX_DIGITS) return null;
  const entries: DirectoryEntryRecord[] = [];
  for (const text of searchTexts(query)) {
    const found = await searchNumbers(ctx, text, bare !== null);
    if (!found) return null;
    entries.push(...found);
  }
  warmDirectory(ctx);
  const numbers = await numbersFound(ctx, entries, (e164) => prefixMatches(e164, query), true);
  const { accountId } = ctx.api.http.identity;
  const extension = bare
    ? (entries
        .map((entry) => directoryNumbers(entry, accountId)?.owner)
        .find((owner) => owner && !owner.accountName && owner.extensionNumber === bare) ?? null)
    : null;
  return {
    index: await PrefixIndex.build(
      [...numbers.values()].map((value) => ({ e164: value.e164, value })),
    ),
    extensions: new Map(extension && bare ? [[bare, extension]] : []),
  };
}

/** Entries whose numbers contain `digits`; null when there is more than one page of them. */
async function searchNumbers(ctx: DirectoryContext, digits: string, byExtension = false) {
  const fields = byExtension ? ['phoneNumber', 'extensionNumber'] : ['phoneNumber'];
  const page = await ctx.cache.get(identityKey(ctx), `search#${fields.join(',')}#${digits}`, () =>
    ctx.api.searchDirectory(digits, fields, { maxWaitMs: SINGLE_CALL_WAIT_MS }),
  );
  return (page.paging?.totalPages ?? 1) > 1 ? null : page.records;
}

/**
 * The matching numbers of the entries found, plus what the whole listing would add: one's
 * own numbers (complete, features included) and the company's main number. For one number
 * (`every` false) those are read only when the search did not name someone else.
 */
async function numbersFound(
  ctx: DirectoryContext,
  entries: DirectoryEntryRecord[],
  wanted: (e164: string) => boolean,
  every: boolean,
): Promise<Map<string, NumberInfo>> {
  const { extensionId: me, accountId } = ctx.api.http.identity;
  const numbers = new Map<string, NumberInfo>();
  let mine = false;
  for (const entry of entries) {
    const found = directoryNumbers(entry, accountId);
    for (const info of found?.numbers ?? []) {
      if (!wanted(info.e164) || numbers.has(info.e164)) continue;
      if (found?.owner.id === me) mine = true;
      numbers.set(info.e164, info);
    }
  }
  if (every || mine || numbers.size === 0) {
    const self = selfSummary(ctx);
    for (const record of await extensionNumberRecords(ctx, '~')) {
      const info = numberInfo(record, self);
      if (info && wanted(info.e164)) numbers.set(info.e164, info);
    }
  }
  if (every || numbers.size === 0) {
    const main = (await account(ctx)).mainNumber;
    const e164 = main ? numberInfo({ phoneNumber: main }, null)?.e164 : null;
    if (e164 && wanted(e164) && !numbers.has(e164)) {
      numbers.set(e164, mainNumberInfo(e164));
    }
  }
  return numbers;
}

/**
 * What to search for: national digits (a number's E.164 digits without its calling code),
 * found whether RingCentral compares them with the E.164 or the national form. A text that
 * contains another is dropped: the shorter one's results hold the longer one's.
 */
function searchTexts(query: PrefixQuery): string[] {
  const texts = new Set<string>();
  if (query.nationalPrefix) texts.add(digitsOf(query.nationalPrefix));
  if (query.e164Prefix) texts.add(nationalDigits(digitsOf(query.e164Prefix)));
  const sorted = [...texts].filter((text) => text !== '').sort((a, b) => a.length - b.length);
  return sorted.filter((text, i) => !sorted.slice(0, i).some((shorter) => text.includes(shorter)));
}

function nationalDigits(e164Digits: string): string {
  const code = leadingCallingCode(e164Digits);
  const national = code ? e164Digits.slice(code.length) : e164Digits;
  return national === '' ? e164Digits : national;
}
