/**
 * A fast way to cut a RingCentral page's `records` into batches without scanning every
 * character: records follow one another as `},{"<first key>":`, so that marker is looked for
 * (natively, with indexOf) about every `batchChars`. A marker inside a string or a nested list
 * would leave a batch with an open string or unbalanced brackets, which JSON.parse refuses:
 * callers parse each batch and fall back to a full scan when one fails, so the result is always
 * exactly JSON.parse's.
 */
const RECORDS = '"records":[';
/** The records key comes first or after a short `uri`: further in, use the full scan. */
const PREFIX_MAX = 64 * 1024;

export interface RecordsSplit {
  /** Index of the records array's `[` and of its `]`. */
  open: number;
  close: number;
  /** Commas between records where batches end. */
  cuts: number[];
}

export function splitRecords(text: string, batchChars: number): RecordsSplit | null {
  const at = text.indexOf(RECORDS);
  if (at < 0 || at > PREFIX_MAX || depthAt(text, at) !== 1) return null;
  const open = at + RECORDS.length - 1;
  const keyEnd = text.indexOf('"', open + 3);
  if (text.charCodeAt(open + 1) !== 0x7b || text.charCodeAt(open + 2) !== 0x22 || keyEnd < 0) {
    return null;
  }
  const marker = `},${text.slice(open + 1, keyEnd + 2)}`;
  const cuts: number[] = [];
  let from = open + 1;
  for (;;) {
    const found = text.indexOf(marker, from + batchChars);
    if (found < 0) break;
    cuts.push(found + 1);
    from = found + 2;
  }
  const close = arrayEnd(text, from);
  return close < 0 ? null : { open, close, cuts };
}

/** The depth of brackets at `end` (scanned from the start); -1 when `end` is inside a string. */
function depthAt(text: string, end: number): number {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = stringEnd(text, i);
      if (i < 0 || i >= end) return -1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth;
}

/** The `]` closing the array whose element starts at `from` (a record's `{`), or -1. */
function arrayEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d) depth--;
    else if (c === 0x5d) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The index of the quote closing the string that opens at `quote`, or -1. */
function stringEnd(text: string, quote: number): number {
  let end = text.indexOf('"', quote + 1);
  while (end > 0) {
    let backslashes = 0;
    for (let i = end - 1; text.charCodeAt(i) === 0x5c; i--) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}
