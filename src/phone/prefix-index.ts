import { type CpuSlices, cpuSlices, forEachSliced, sortSliced } from '../cpu-slices';
import { digitPrefixes, digitsOf, type NumberQuery } from './number-query';

export interface IndexedNumber<T> {
  e164: string;
  value: T;
}

export interface SearchPage<T> {
  /** How many numbers match in all, across every page. */
  total: number;
  /** The requested page, in E.164 order. */
  items: IndexedNumber<T>[];
}

export interface PageOptions {
  offset?: number;
  limit?: number;
}

export const DEFAULT_PAGE_SIZE = 20;

/**
 * Phone numbers kept sorted by their E.164 digits, so every prefix is one contiguous run found by
 * binary search: counting and paging cost O(log n + page), not a scan of the whole account.
 *
 * National-form queries need no second index: a national prefix is only meaningful inside its own
 * country, so it is searched as calling code + national digits in the same sorted array.
 */
export class PrefixIndex<T> {
  private keys: string[] = [];
  private entries: IndexedNumber<T>[] = [];
  private byKey = new Map<string, IndexedNumber<T>>();

  /** Numbers without digits are skipped; a number listed twice keeps its first value. */
  constructor(numbers: Iterable<IndexedNumber<T>>) {
    const byKey = new Map<string, IndexedNumber<T>>();
    for (const entry of numbers) add(byKey, entry);
    this.fill(byKey, [...byKey.keys()].sort());
  }

  /**
   * The same index built in slices of a few milliseconds (20,000 numbers take ~15 ms in one
   * go), so the event loop stays free while a cold listing is indexed.
   */
  static async build<T>(
    numbers: Iterable<IndexedNumber<T>>,
    slices: CpuSlices = cpuSlices,
  ): Promise<PrefixIndex<T>> {
    const byKey = new Map<string, IndexedNumber<T>>();
    await forEachSliced(numbers, (entry) => add(byKey, entry), slices);
    const keys = await sortSliced([...byKey.keys()], byCodeUnits, slices);
    const index = new PrefixIndex<T>([]);
    index.fill(byKey, keys);
    return index;
  }

  private fill(byKey: Map<string, IndexedNumber<T>>, keys: string[]): void {
    this.byKey = byKey;
    this.keys = keys;
    this.entries = keys.map((key) => byKey.get(key) as IndexedNumber<T>);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Every number, in E.164 order (for exports). */
  all(): IndexedNumber<T>[] {
    return [...this.entries];
  }

  /** The value stored for exactly this number ('+16503316252' or '16503316252'). */
  get(e164: string): T | undefined {
    return this.byKey.get(digitsOf(e164))?.value;
  }

  /** The numbers a query matches (see `searchSorted`). */
  search(query: NumberQuery, page: PageOptions = {}): SearchPage<T> {
    return searchSorted(query, page, this);
  }

  /** The entry stored under these digits. */
  exact(digits: string): IndexedNumber<T> | undefined {
    return this.byKey.get(digits);
  }

  at(i: number): IndexedNumber<T> {
    return this.entries[i] as IndexedNumber<T>;
  }

  /** The first position whose key is not below `target`. */
  lowerBound(target: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.keys[mid] as string) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Numbers sorted by their E.164 digits, however they are kept. */
export interface SortedNumbers<T> {
  exact(digits: string): IndexedNumber<T> | undefined;
  /** The first position whose digits are not below `target` (by UTF-16 code units). */
  lowerBound(target: string): number;
  at(i: number): IndexedNumber<T>;
}

/**
 * The numbers a query matches: the one number of a `full` query, or every number starting with
 * a `prefix` query's E.164 or national reading. Invalid queries match nothing.
 */
export function searchSorted<T>(
  query: NumberQuery,
  page: PageOptions,
  sorted: SortedNumbers<T>,
): SearchPage<T> {
  const offset = wholeNumber(page.offset, 0);
  const limit = wholeNumber(page.limit, DEFAULT_PAGE_SIZE);
  if (query.kind === 'invalid') return { total: 0, items: [] };
  if (query.kind === 'full') {
    const entry = sorted.exact(digitsOf(query.e164));
    const all = entry ? [entry] : [];
    return { total: all.length, items: all.slice(offset, offset + limit) };
  }
  // digitPrefixes are sorted and none starts with another, so their runs are disjoint and
  // already in E.164 order one after the other. ':' sorts right after '9', so every key
  // beginning with a prefix is below prefix + ':' and every key after the run is above it.
  const runs = digitPrefixes(query).map(
    (prefix) => [sorted.lowerBound(prefix), sorted.lowerBound(`${prefix}:`)] as const,
  );
  const total = runs.reduce((sum, [start, end]) => sum + (end - start), 0);
  const items: IndexedNumber<T>[] = [];
  let skip = offset;
  for (const [start, end] of runs) {
    if (items.length >= limit) break;
    const length = end - start;
    if (skip >= length) {
      skip -= length;
      continue;
    }
    const from = start + skip;
    skip = 0;
    const to = Math.min(end, from + (limit - items.length));
    for (let i = from; i < to; i += 1) items.push(sorted.at(i));
  }
  return { total, items };
}

function add<T>(byKey: Map<string, IndexedNumber<T>>, entry: IndexedNumber<T>): void {
  const key = digitsOf(entry.e164);
  if (key !== '' && !byKey.has(key)) byKey.set(key, entry);
}

/** The order of Array.prototype.sort without a comparator (UTF-16 code units). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function wholeNumber(value: number | undefined, fallback: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return value === Number.POSITIVE_INFINITY ? value : Math.max(0, Math.floor(value));
}
