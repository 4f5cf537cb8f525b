import type { ExtensionSummary, Page } from '../model';

/**
 * Extensions ready for `find`: in name order, each searched by its lower-cased name, email and
 * extension number (people-table.ts keeps them as one string).
 */
export interface SearchableExtensions {
  /** Those whose name, email or number contains `needle` (lower case): how many, one page. */
  search(
    needle: string,
    offset: number,
    limit: number,
  ): Pick<Page<ExtensionSummary>, 'total' | 'items'>;
}

/** Extensions by one field (extension number, id), like a Map of it. */
export interface ExtensionLookup {
  get(key: string): ExtensionSummary | undefined;
  /** Every one, in the order RingCentral listed them. */
  values(): Iterable<ExtensionSummary>;
}
