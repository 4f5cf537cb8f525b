/**
 * Rows of a few text fields kept as one string and one offset a row, instead of one object
 * and several strings per row. A listing of 10,000 people then holds a handful of heap objects
 * rather than some 100,000: a garbage collection's pause follows what survives it, a scavenge
 * copies every young survivor, and neither moves one big string. Nothing lives in malloc'd
 * memory (typed arrays would), where what a collection frees stays in the process as holes:
 * V8 hands a big string's pages back to the system as soon as it is collected.
 *
 * Each field is written as one character giving its length, then its text: 0 for null, else
 * length + 1; a length that does not fit (≥ LONG - 1) is LONG and two characters of length.
 * Lengths under 255 keep the string at one byte a character.
 */
const LONG = 0xfffe;
const NULL = 0;
/** Rows between two joins of the pending parts: their small strings then die young. */
const CHUNK_ROWS = 256;

/** Builds `TextColumns` a row at a time. */
export class TextColumnsBuilder {
  private readonly starts: number[] = [];
  private readonly chunks: string[] = [];
  private parts: string[] = [];
  private chars = 0;

  constructor(readonly fields: number) {}

  get rows(): number {
    return this.starts.length;
  }

  /** Appends a row of `fields` values (null is kept apart from ''); returns its number. */
  add(values: ReadonlyArray<string | null | undefined>): number {
    this.starts.push(this.chars);
    for (let f = 0; f < this.fields; f++) {
      const value = values[f];
      if (value === null || value === undefined) {
        this.parts.push(String.fromCharCode(NULL));
        this.chars += 1;
        continue;
      }
      const n = value.length;
      const head =
        n + 1 < LONG ? String.fromCharCode(n + 1) : String.fromCharCode(LONG, n >>> 16, n & 0xffff);
      this.parts.push(head, value);
      this.chars += head.length + n;
    }
    if (this.starts.length % CHUNK_ROWS === 0) this.flush();
    return this.starts.length - 1;
  }

  private flush(): void {
    if (this.parts.length > 0) this.chunks.push(this.parts.join(''));
    this.parts = [];
  }

  seal(): TextColumns {
    this.flush();
    return new TextColumns(this.fields, this.chunks.join(''), this.starts.slice());
  }
}

/** What `TextColumns` consist of: plain data, to be sent to another thread. */
export interface TextColumnsParts {
  fields: number;
  text: string;
  starts: number[];
}

export class TextColumns {
  /** Where the field found by `locate` ends (set by it; avoids making an object per call). */
  private end = 0;

  constructor(
    readonly fields: number,
    private readonly text: string,
    /** Where each row starts in `text`. */
    private readonly starts: number[],
  ) {}

  static of(parts: TextColumnsParts): TextColumns {
    return new TextColumns(parts.fields, parts.text, parts.starts);
  }

  parts(): TextColumnsParts {
    return { fields: this.fields, text: this.text, starts: this.starts };
  }

  get rows(): number {
    return this.starts.length;
  }

  /** Where the field's text starts (its end in `this.end`), or -1 when it is null. */
  private locate(row: number, field: number): number {
    const text = this.text;
    let at = this.starts[row] as number;
    for (let f = 0; ; f++) {
      const head = text.charCodeAt(at);
      let length = 0;
      let start = at + 1;
      if (head === LONG) {
        length = text.charCodeAt(at + 1) * 0x10000 + text.charCodeAt(at + 2);
        start = at + 3;
      } else if (head !== NULL) {
        length = head - 1;
      }
      if (f === field) {
        this.end = start + length;
        return head === NULL ? -1 : start;
      }
      at = start + length;
    }
  }

  get(row: number, field: number): string | null {
    const start = this.locate(row, field);
    return start < 0 ? null : this.text.slice(start, this.end);
  }

  /**
   * Compares a field of `row` with `target` by UTF-16 code units (as `<` does on strings),
   * without making a string: null sorts first.
   */
  compare(row: number, field: number, target: string): number {
    const start = this.locate(row, field);
    if (start < 0) return -1;
    const text = this.text;
    const length = this.end - start;
    const common = Math.min(length, target.length);
    for (let i = 0; i < common; i++) {
      const diff = text.charCodeAt(start + i) - target.charCodeAt(i);
      if (diff !== 0) return diff;
    }
    return length - target.length;
  }

  /** The same comparison between the fields of two rows. */
  compareRows(a: number, b: number, field: number): number {
    const startA = this.locate(a, field);
    const endA = this.end;
    const startB = this.locate(b, field);
    const endB = this.end;
    if (startA < 0 || startB < 0) return startA < 0 && startB < 0 ? 0 : startA < 0 ? -1 : 1;
    const text = this.text;
    let i = startA;
    let j = startB;
    for (; i < endA && j < endB; i++, j++) {
      const diff = text.charCodeAt(i) - text.charCodeAt(j);
      if (diff !== 0) return diff;
    }
    return endA - i - (endB - j);
  }
}
