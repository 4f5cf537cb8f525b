import { type CpuSlices, cpuSlices } from '../cpu-slices';
import type { ExtensionSummary, NumberInfo } from '../model';
import type { DirectoryEntryRecord } from '../ringcentral/types';
import { directoryNumbers } from './directory-entry';
import { NumberTable, NumberTableBuilder, type NumberTableParts } from './number-table';
import {
  PeopleLookup,
  PeopleSearch,
  type PeopleSearchParts,
  PeopleTable,
  PeopleTableBuilder,
} from './people-table';
import { TextColumns, type TextColumnsParts } from './text-columns';

/**
 * A regular user's directory listing built from its entries, on this thread (in slices) or
 * on the listing worker: the same builder either way, and its result as plain parts (strings
 * and arrays of small integers) that cross to the main thread by a cheap structured clone.
 */
export interface DirectoryParts {
  people: TextColumnsParts;
  numbers: NumberTableParts;
  /** Rows of the viewer's own account, by extension number (see `PeopleLookup`). */
  byNumber: number[];
  search: PeopleSearchParts;
}

/** What the directory knows besides its entries: the viewer's own numbers and the main one. */
export interface DirectoryExtras {
  /** One's own numbers, complete (features included): they win over the directory's view. */
  own: NumberInfo[];
  /** The company's main number, kept when no entry lists it. */
  main: NumberInfo | null;
}

export class DirectoryTablesBuilder {
  private readonly people = new PeopleTableBuilder();
  private readonly numbers = new NumberTableBuilder();

  constructor(
    private readonly accountId: string,
    self: ExtensionSummary,
  ) {
    this.people.add(self);
  }

  /** One entry, as RingCentral listed it (already checked against its shape). */
  add(record: DirectoryEntryRecord): void {
    const entry = directoryNumbers(record, this.accountId);
    if (!entry) return;
    const row = this.people.add(entry.owner);
    for (const info of entry.numbers) this.numbers.addListed(info, row);
  }

  async seal(extras: DirectoryExtras, slices: CpuSlices = cpuSlices): Promise<DirectoryParts> {
    for (const info of extras.own) this.numbers.override(info);
    if (extras.main) this.numbers.addIfAbsent(extras.main);
    const table = this.people.seal();
    // `ext 101` means the viewer's own account: federated people are found by number only.
    const own = table.allRows().filter((row) => !table.isFederated(row));
    const byNumber = await table.byNumber(own, slices);
    const numbers = await this.numbers.seal(table, slices);
    const search = await PeopleSearch.build(table, byNumber.rows(), slices);
    return {
      people: table.columns.parts(),
      numbers: numbers.parts(),
      byNumber: byNumber.sorted,
      search: search.parts(),
    };
  }
}

/** The listing's look-ups over its parts. */
export function directoryTables(parts: DirectoryParts) {
  const people = new PeopleTable(TextColumns.of(parts.people));
  return {
    index: NumberTable.of(parts.numbers, people),
    extensions: PeopleLookup.ofNumbers(people, parts.byNumber),
    searchable: PeopleSearch.of(people, parts.search),
  };
}
