/**
 * The queries the bench asks, chosen evenly across the generated company so each run of a kind
 * hits a different number, prefix, extension or name. Two disjoint sets per kind: `repeat` is
 * measured cold and then again on a warmed cache; `fresh` is asked once the cache is warm, to
 * show what a new question costs when the identity's listing is already held.
 */
import type { CompanySample } from './sandbox-protocol';

export const QUERY_KINDS = ['full', 'prefix', 'ext', 'find'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface QuerySet {
  repeat: string[];
  fresh: string[];
}

export type Queries = Record<QueryKind, QuerySet>;

/**
 * `count` distinct values of `pick` over items spread evenly, starting at `phase` (0..1) of the
 * step, leaving out `exclude`.
 */
function spread<T>(
  items: T[],
  count: number,
  phase: number,
  pick: (item: T) => string | null,
  exclude: string[] = [],
): string[] {
  const out: string[] = [];
  if (items.length === 0) return out;
  const step = Math.max(1, Math.floor(items.length / count));
  for (let i = 0; out.length < count && i < items.length; i++) {
    const item = items[(Math.floor(phase * step) + i * step) % items.length] as T;
    const value = pick(item);
    if (value !== null && !out.includes(value) && !exclude.includes(value)) out.push(value);
  }
  return out;
}

/** First six national digits (`+14696137673` → `469613`): an area code and exchange. */
function prefixOf(e164: string): string | null {
  return e164.startsWith('+1') && e164.length === 12 ? e164.slice(2, 8) : null;
}

function lastNameOf(name: string): string | null {
  return name.split(' ').pop()?.toLowerCase() ?? null;
}

export function chooseQueries(sample: CompanySample, count: number): Queries {
  const users = sample.extensions.filter((e) => e.type === 'User');
  const sets = <T>(items: T[], pick: (item: T) => string | null): QuerySet => {
    const repeat = spread(items, count, 0, pick);
    return { repeat, fresh: spread(items, count, 0.5, pick, repeat) };
  };
  return {
    full: sets(sample.numbers, (n) => n),
    prefix: sets(sample.numbers, prefixOf),
    ext: sets(users, (e) => e.extensionNumber),
    find: sets(sample.people, (p) => lastNameOf(p.name)),
  };
}

/** Up to `count` distinct six-digit national prefixes of the company's numbers. */
export function sweepPrefixes(sample: CompanySample, count: number): string[] {
  const prefixes = new Set<string>();
  for (const number of sample.numbers) {
    const prefix = prefixOf(number);
    if (prefix) prefixes.add(prefix);
    if (prefixes.size >= count) break;
  }
  return [...prefixes];
}
