import { type CpuSlices, cpuSlices } from '../cpu-slices';
import { splitRecords } from './records-split';

/** Below this, one JSON.parse takes about a millisecond: not worth slicing. */
const SMALL_CHARS = 64 * 1024;
/** Characters of array elements parsed at once (roughly a millisecond of JSON.parse). */
const BATCH_CHARS = 48 * 1024;
/** Characters scanned between two looks at the clock. */
const SCAN_CHECK = 16 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** One array property of the root object: where it opens, closes and where its commas are. */
interface ArraySpan {
  key: string;
  open: number;
  close: number;
  commas: number[];
}

/**
 * JSON.parse for RingCentral's pages without holding the event loop: a 1000-record page (up to
 * 700 KB) takes 10–18 ms to parse in one go. The root object's arrays (`records`) are split at
 * their top-level commas by a scan, and their elements parsed a batch at a time, in slices.
 * The result equals JSON.parse's; text that is not JSON throws JSON.parse's SyntaxError.
 */
export async function parseJsonSliced(
  text: string,
  slices: CpuSlices = cpuSlices,
  mapRecord?: (record: unknown) => unknown,
) {
  if (text.length <= SMALL_CHARS) return mapRecords(JSON.parse(text), mapRecord);
  const fast = await parseSplit(text, slices, mapRecord);
  if (fast !== undefined) return fast;
  const spans = await scanRootArrays(text, slices);
  if (!spans) return mapRecords(JSON.parse(text), mapRecord);
  let skeleton = '';
  let from = 0;
  for (const span of spans) {
    skeleton += text.slice(from, span.open + 1);
    from = span.close;
  }
  skeleton += text.slice(from);
  const root = JSON.parse(skeleton) as Record<string, unknown>;
  for (const span of spans) {
    const map = span.key === 'records' ? mapRecord : undefined;
    const values = await parseElements(text, span, slices, map);
    // A key given twice keeps its last value, as in JSON.parse.
    if (spans.filter((other) => other.key === span.key).at(-1) === span) root[span.key] = values;
  }
  return root as unknown;
}

/**
 * The page cut at record boundaries found by `splitRecords`; undefined when that cannot be
 * used or a batch turns out not to be whole records (then the full scan decides).
 */
async function parseSplit(
  text: string,
  slices: CpuSlices,
  mapRecord?: (record: unknown) => unknown,
): Promise<unknown> {
  const split = splitRecords(text, BATCH_CHARS);
  if (!split) return undefined;
  const span: ArraySpan = {
    key: 'records',
    open: split.open,
    close: split.close,
    commas: split.cuts,
  };
  try {
    const root = JSON.parse(text.slice(0, split.open + 1) + text.slice(split.close)) as {
      records?: unknown;
    };
    // A second `records` key would win in JSON.parse: leave such a page to the full scan.
    if (!Array.isArray(root.records) || root.records.length > 0) return undefined;
    root.records = await parseElements(text, span, slices, mapRecord);
    return root;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * A page's `records` through `mapRecord`, when given: the caller's compact form replaces each
 * raw record as soon as its batch is parsed, so the raw records die young (a garbage
 * collection's pause grows with what survives it, not with what was allocated).
 */
function mapRecords(value: unknown, mapRecord?: (record: unknown) => unknown): unknown {
  if (!mapRecord || typeof value !== 'object' || value === null) return value;
  const page = value as { records?: unknown };
  if (Array.isArray(page.records)) page.records = page.records.map(mapRecord);
  return value;
}

async function parseElements(
  text: string,
  span: ArraySpan,
  slices: CpuSlices,
  map?: (record: unknown) => unknown,
) {
  const { open, close, commas } = span;
  const values: unknown[] = [];
  if (text.slice(open + 1, close).trim() === '') return values;
  const count = commas.length + 1;
  const startOf = (i: number) => (i === 0 ? open + 1 : (commas[i - 1] as number) + 1);
  const endOf = (i: number) => (i === count - 1 ? close : (commas[i] as number));
  let first = 0;
  while (first < count) {
    let last = first;
    while (last + 1 < count && endOf(last + 1) - startOf(first) <= BATCH_CHARS) last++;
    const batch = JSON.parse(`[${text.slice(startOf(first), endOf(last))}]`) as unknown[];
    for (const value of batch) values.push(map ? map(value) : value);
    first = last + 1;
    await slices.pause();
  }
  return values;
}

function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Finds the arrays that are direct properties of the root object. Null when the root is not
 * an object or the text ends inside a string: JSON.parse then reports whatever is wrong.
 */
async function scanRootArrays(text: string, slices: CpuSlices): Promise<ArraySpan[] | null> {
  const start = text.search(/\S/);
  if (start === -1 || text.charCodeAt(start) !== OPEN_BRACE) return null;
  const spans: ArraySpan[] = [];
  let current: ArraySpan | null = null;
  let depth = 0;
  let keyStart = -1;
  let keyEnd = -1;
  let nextCheck = SCAN_CHECK;
  for (let i = start; i < text.length; ) {
    if (i >= nextCheck) {
      nextCheck = i + SCAN_CHECK;
      await slices.pause();
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return null;
      // At depth 1 the last string before an array's '[' is that array's key.
      if (depth === 1) {
        keyStart = i;
        keyEnd = end;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && c === OPEN_BRACKET && keyStart >= 0) {
        const key = JSON.parse(text.slice(keyStart, keyEnd + 1)) as string;
        current = { key, open: i, close: -1, commas: [] };
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2 && current && c === CLOSE_BRACKET) {
        current.close = i;
        spans.push(current);
        current = null;
      }
      depth--;
    } else if (c === COMMA && depth === 2 && current) {
      current.commas.push(i);
    }
    i++;
  }
  return spans;
}
