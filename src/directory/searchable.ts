import { type CpuSlices, cpuSlices, sortSliced } from '../cpu-slices';
import type { ExtensionSummary } from '../model';

/** Extensions ready for `find`: summaries sorted by name, with lower-cased search keys. */
export interface SearchableExtensions {
  items: ExtensionSummary[];
  keys: string[];
}

/** One collator for every comparison: `localeCompare` builds one per call. */
const byName = new Intl.Collator(undefined, { sensitivity: 'variant' });

/** Sorted and keyed in slices: 10,000 names take tens of milliseconds to sort. */
export async function searchableOf(
  summaries: ExtensionSummary[],
  slices: CpuSlices = cpuSlices,
): Promise<SearchableExtensions> {
  const items = await sortSliced([...summaries], (a, b) => byName.compare(a.name, b.name), slices);
  const keys: string[] = [];
  for (const item of items) {
    keys.push(`${item.name}\n${item.email ?? ''}\n${item.extensionNumber ?? ''}`.toLowerCase());
    if (keys.length % 256 === 0) await slices.pause();
  }
  return { items, keys };
}

/** Summaries by extension number, the first one kept where a number repeats. */
export function byExtensionNumber(
  summaries: Iterable<ExtensionSummary>,
): Map<string, ExtensionSummary> {
  const map = new Map<string, ExtensionSummary>();
  for (const summary of summaries) {
    if (summary.extensionNumber && !map.has(summary.extensionNumber)) {
      map.set(summary.extensionNumber, summary);
    }
  }
  return map;
}
