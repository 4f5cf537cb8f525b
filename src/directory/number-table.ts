import { type CpuSlices, cpuSlices, sortSliced } from '../cpu-slices';
import type { NumberInfo } from '../model';
import {
  digitsOf,
  type IndexedNumber,
  type NumberQuery,
  type PageOptions,
  type SearchPage,
  type SortedNumbers,
  searchSorted,
} from '../phone';
import type { PeopleTable } from './people-table';
import { TextColumns, TextColumnsBuilder, type TextColumnsParts } from './text-columns';

/**
 * A regular user's directory numbers as text columns (E.164 digits and usage type) with the
 * owner's row in a `PeopleTable`, sorted by digits once: exact and prefix look-ups are binary
 * searches, and each answer's `NumberInfo` is made when asked for. The few numbers that come
 * complete (one's own, features included; the main number) are kept as they are.
 */
const DIGITS = 0;
const USAGE = 1;

/** Which of several rows with the same number stays. */
const IF_ABSENT = 0;
const FIRST = 1;
const LAST = 2;

const PLAIN_E164 = /^\+\d+$/;

/** Whether `info` says more than a directory number's digits, usage and owner. */
function hasDetails(info: NumberInfo): boolean {
  return (
    info.callType !== null ||
    info.paymentType !== null ||
    info.features !== null ||
    info.label !== null
  );
}

export class NumberTableBuilder {
  private readonly columns = new TextColumnsBuilder(2);
  private readonly owners: number[] = [];
  private readonly priorities: number[] = [];
  private readonly complete = new Map<number, NumberInfo>();

  /**
   * A directory number (as `numberInfo` made it, features hidden), owned by a row of the
   * people table; the first of a number stays. E.164 is kept as its digits: a number in any
   * other form (never from `ringCentralE164`) is kept as it is.
   */
  addListed(info: NumberInfo, ownerRow: number): void {
    const plain = PLAIN_E164.test(info.e164) && !hasDetails(info);
    this.push(info.e164, info.usageType, ownerRow, FIRST, plain ? undefined : info);
  }

  /** A number that comes complete and wins over what the directory says of it. */
  override(info: NumberInfo): void {
    this.push(info.e164, info.usageType, -1, LAST, info);
  }

  /** A number kept only if nothing else names it. */
  addIfAbsent(info: NumberInfo): void {
    this.push(info.e164, info.usageType, -1, IF_ABSENT, info);
  }

  private push(
    e164: string,
    usageType: string | null,
    ownerRow: number,
    priority: number,
    info?: NumberInfo,
  ): void {
    const digits = digitsOf(e164);
    if (digits === '') return;
    const row = this.columns.add([digits, usageType]);
    this.owners.push(ownerRow);
    this.priorities.push(priority);
    if (info) this.complete.set(row, info);
  }

  async seal(people: PeopleTable, slices: CpuSlices = cpuSlices): Promise<NumberTable> {
    const columns = this.columns.seal();
    const priorities = this.priorities;
    const rows: number[] = [];
    for (let row = 0; row < columns.rows; row++) rows.push(row);
    await sortSliced(rows, (a, b) => columns.compareRows(a, b, DIGITS), slices);
    // Equal numbers are neighbours now, in the order they were added.
    const kept: number[] = [];
    let best = -1;
    for (let i = 0; i <= rows.length; i++) {
      const row = rows[i];
      if (row !== undefined && best >= 0 && columns.compareRows(best, row, DIGITS) === 0) {
        const mine = priorities[row] as number;
        const theirs = priorities[best] as number;
        if (mine > theirs || (mine === LAST && theirs === LAST)) best = row;
        continue;
      }
      if (best >= 0) kept.push(best);
      best = row ?? -1;
      if (i % 1024 === 0) await slices.pause();
    }
    const complete = new Map<number, NumberInfo>();
    const sorted = kept;
    for (const row of sorted) {
      const info = this.complete.get(row);
      if (info) complete.set(row, info);
    }
    return new NumberTable(columns, this.owners.slice(), sorted.slice(), complete, people);
  }
}

/** What a `NumberTable` consists of besides its people: plain data. */
export interface NumberTableParts {
  columns: TextColumnsParts;
  owners: number[];
  sorted: number[];
  complete: Map<number, NumberInfo>;
}

export class NumberTable implements SortedNumbers<NumberInfo> {
  constructor(
    private readonly columns: TextColumns,
    private readonly owners: number[],
    /** Rows by digits, one per number. */
    private readonly sorted: number[],
    private readonly complete: Map<number, NumberInfo>,
    private readonly people: PeopleTable,
  ) {}

  static of(parts: NumberTableParts, people: PeopleTable): NumberTable {
    const columns = TextColumns.of(parts.columns);
    return new NumberTable(columns, parts.owners, parts.sorted, parts.complete, people);
  }

  parts(): NumberTableParts {
    const { columns, owners, sorted, complete } = this;
    return { columns: columns.parts(), owners, sorted, complete };
  }

  get size(): number {
    return this.sorted.length;
  }

  /** The number stored for exactly this number ('+16503316252' or '16503316252'). */
  get(e164: string): NumberInfo | undefined {
    return this.exact(digitsOf(e164))?.value;
  }

  search(query: NumberQuery, page: PageOptions = {}): SearchPage<NumberInfo> {
    return searchSorted(query, page, this);
  }

  /** Every number, in E.164 order (for exports). */
  all(): IndexedNumber<NumberInfo>[] {
    return Array.from({ length: this.sorted.length }, (_, i) => this.at(i));
  }

  exact(digits: string): IndexedNumber<NumberInfo> | undefined {
    const i = this.lowerBound(digits);
    const row = this.sorted[i];
    if (row === undefined || this.columns.compare(row, DIGITS, digits) !== 0) return undefined;
    return this.at(i);
  }

  lowerBound(target: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.columns.compare(this.sorted[mid] as number, DIGITS, target) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  at(i: number): IndexedNumber<NumberInfo> {
    const row = this.sorted[i] as number;
    const value = this.complete.get(row) ?? this.made(row);
    return { e164: value.e164, value };
  }

  private made(row: number): NumberInfo {
    const owner = this.owners[row] as number;
    return {
      e164: `+${this.columns.get(row, DIGITS) ?? ''}`,
      usageType: this.columns.get(row, USAGE),
      callType: null,
      paymentType: null,
      features: null,
      label: null,
      owner: owner < 0 ? null : this.people.summary(owner),
    };
  }
}
