import { type CpuSlices, cpuSlices, sortSliced } from '../cpu-slices';
import type { ExtensionSummary } from '../model';
import { type TextColumns, TextColumnsBuilder } from './text-columns';

/**
 * A listing's people (extension summaries) as text columns: one row per summary, each
 * summary made again, as a fresh object, when asked for. Lookups by extension number or id
 * are binary searches in rows sorted once; `find` searches one lower-cased string.
 */
const ID = 0;
const NUMBER = 1;
const NAME = 2;
const TYPE = 3;
const STATUS = 4;
const EMAIL = 5;
const SITE = 6;
const ACCOUNT = 7;
const FIELDS = 8;

export class PeopleTableBuilder {
  private readonly columns = new TextColumnsBuilder(FIELDS);

  /** Appends a summary; returns its row. */
  add(summary: ExtensionSummary): number {
    return this.columns.add([
      summary.id,
      summary.extensionNumber,
      summary.name,
      summary.type,
      summary.status,
      summary.email,
      summary.site,
      summary.accountName,
    ]);
  }

  get rows(): number {
    return this.columns.rows;
  }

  seal(): PeopleTable {
    return new PeopleTable(this.columns.seal());
  }
}

export class PeopleTable {
  constructor(readonly columns: TextColumns) {}

  get rows(): number {
    return this.columns.rows;
  }

  /** The summary of a row, shaped as the converters shape it (site and account only if set). */
  summary(row: number): ExtensionSummary {
    const c = this.columns;
    const site = c.get(row, SITE);
    const accountName = c.get(row, ACCOUNT);
    return {
      id: c.get(row, ID) ?? '',
      extensionNumber: c.get(row, NUMBER),
      name: c.get(row, NAME) ?? '',
      type: c.get(row, TYPE),
      status: c.get(row, STATUS),
      email: c.get(row, EMAIL),
      ...(site !== null ? { site } : {}),
      ...(accountName !== null ? { accountName } : {}),
    };
  }

  isFederated(row: number): boolean {
    return this.columns.get(row, ACCOUNT) !== null;
  }

  /** Rows with an extension number, the first one kept where a number repeats, by number. */
  byNumber(rows: Iterable<number>, slices: CpuSlices = cpuSlices): Promise<PeopleLookup> {
    return PeopleLookup.build(this, this.columns, NUMBER, rows, 'first', slices);
  }

  /** Every row by id, the last one kept where an id repeats (as a Map built in order would). */
  byId(slices: CpuSlices = cpuSlices): Promise<PeopleLookup> {
    return PeopleLookup.build(this, this.columns, ID, this.allRows(), 'last', slices);
  }

  /** Every row, in the order they were added. */
  allRows(): number[] {
    return Array.from({ length: this.rows }, (_, row) => row);
  }

  /** Field access for the lookups below. */
  name(row: number): string {
    return this.columns.get(row, NAME) ?? '';
  }

  searchKey(row: number): string {
    const c = this.columns;
    return `${c.get(row, NAME) ?? ''}\n${c.get(row, EMAIL) ?? ''}\n${c.get(row, NUMBER) ?? ''}`;
  }
}

/**
 * People found by one field (extension number or id), like a Map from that field to the
 * summary: `values()` gives them in the order they were added.
 */
export class PeopleLookup {
  private constructor(
    private readonly table: PeopleTable,
    private readonly columns: TextColumns,
    private readonly field: number,
    /** Rows sorted by the field, one per distinct value. */
    readonly sorted: number[],
  ) {}

  /** A lookup by extension number whose rows were sorted elsewhere (`sorted` of another). */
  static ofNumbers(table: PeopleTable, sorted: number[]): PeopleLookup {
    return new PeopleLookup(table, table.columns, NUMBER, sorted);
  }

  static async build(
    table: PeopleTable,
    columns: TextColumns,
    field: number,
    rows: Iterable<number>,
    keep: 'first' | 'last',
    slices: CpuSlices,
  ): Promise<PeopleLookup> {
    const candidates: number[] = [];
    for (const row of rows) {
      const value = columns.get(row, field);
      if (value !== null && value !== '') candidates.push(row);
    }
    // Stable, and the rows come in the order they were added: equals stay in that order.
    await sortSliced(candidates, (a, b) => columns.compareRows(a, b, field), slices);
    const kept: number[] = [];
    const same = (i: number, j: number) =>
      columns.compareRows(candidates[i] as number, candidates[j] as number, field) === 0;
    for (let i = 0; i < candidates.length; i++) {
      const first = i === 0 || !same(i - 1, i);
      const last = i === candidates.length - 1 || !same(i, i + 1);
      if (keep === 'first' ? first : last) kept.push(candidates[i] as number);
    }
    return new PeopleLookup(table, columns, field, kept.slice());
  }

  get size(): number {
    return this.sorted.length;
  }

  /** The row whose field is `value`, or -1. */
  rowOf(value: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.columns.compare(this.sorted[mid] as number, this.field, value) < 0) low = mid + 1;
      else high = mid;
    }
    const row = this.sorted[low];
    return row !== undefined && this.columns.compare(row, this.field, value) === 0 ? row : -1;
  }

  get(value: string): ExtensionSummary | undefined {
    const row = this.rowOf(value);
    return row < 0 ? undefined : this.table.summary(row);
  }

  /** The rows kept, in the order they were added. */
  rows(): number[] {
    return this.sorted.slice().sort((a, b) => a - b);
  }

  values(): ExtensionSummary[] {
    return Array.from(this.rows(), (row) => this.table.summary(row));
  }
}

/** One collator for every comparison: `localeCompare` builds one per call. */
const byName = new Intl.Collator(undefined, { sensitivity: 'variant' });

/**
 * People ready for `find`: rows sorted by name, and one lower-cased string of every row's
 * name, email and extension number in that order, searched with indexOf.
 */
/** What `PeopleSearch` consists of besides its table: plain data. */
export interface PeopleSearchParts {
  order: number[];
  keys: string;
  starts: number[];
}

export class PeopleSearch {
  private constructor(
    private readonly table: PeopleTable,
    private readonly order: number[],
    private readonly keys: string,
    /** Where each key starts in `keys` (one more at the end). */
    private readonly starts: number[],
  ) {}

  static of(table: PeopleTable, parts: PeopleSearchParts): PeopleSearch {
    return new PeopleSearch(table, parts.order, parts.keys, parts.starts);
  }

  parts(): PeopleSearchParts {
    return { order: this.order, keys: this.keys, starts: this.starts };
  }

  static async build(
    table: PeopleTable,
    rows: number[],
    slices: CpuSlices = cpuSlices,
  ): Promise<PeopleSearch> {
    // Names made once for the sort (it compares each some 14 times), and dropped after it.
    let names: string[] = [];
    for (const row of rows) names[row] = table.name(row);
    const order = await sortSliced(
      rows.slice(),
      (a, b) => byName.compare(names[a] as string, names[b] as string),
      slices,
    );
    names = [];
    const starts: number[] = [];
    const chunks: string[] = [];
    let parts: string[] = [];
    let chars = 0;
    for (const row of order) {
      starts.push(chars);
      // Each key lower-cased alone: lower-casing can change a string's length.
      const key = table.searchKey(row).toLowerCase();
      parts.push(key);
      chars += key.length;
      if (parts.length === 256) {
        chunks.push(parts.join(''));
        parts = [];
        await slices.pause();
      }
    }
    chunks.push(parts.join(''));
    starts.push(chars);
    return new PeopleSearch(table, order, chunks.join(''), starts.slice());
  }

  /** The people whose key contains `needle`, in name order: how many, and one page of them. */
  search(needle: string, offset: number, limit: number) {
    const items: ExtensionSummary[] = [];
    let total = 0;
    let from = 0;
    for (;;) {
      const hit = this.keys.indexOf(needle, from);
      if (hit < 0) break;
      const i = this.keyAt(hit);
      const end = this.starts[i + 1] as number;
      if (hit + needle.length > end) {
        // The text runs across two keys: look again from the next character.
        from = hit + 1;
        continue;
      }
      if (total >= offset && items.length < limit) {
        items.push(this.table.summary(this.order[i] as number));
      }
      total++;
      from = end;
    }
    return { total, items };
  }

  /** The index of the key holding character `at`. */
  private keyAt(at: number): number {
    let low = 0;
    let high = this.order.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
