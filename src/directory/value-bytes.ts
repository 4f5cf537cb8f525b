import { type CpuSlices, cpuSlices } from '../cpu-slices';

/**
 * What a cached value holds on V8's heap, estimated by walking it: every object, array, Map,
 * Set, typed array and string it reaches, each object counted once however often it is
 * referenced (an owner shared by three numbers, one people table shared by a listing's
 * indexes). Walked in slices, since a listing of objects reaches some 100,000 values; a
 * listing kept as text columns (text-columns.ts) reaches a few dozen.
 *
 * Sizes are those of 64-bit V8 without pointer compression (Node's default); the bench prints
 * this estimate beside the heap a listing really holds.
 */
const OBJECT = 24;
const SLOT = 8;
const ARRAY = 32;
const MAP = 64;
const MAP_ENTRY = 40;
const STRING = 24;
const TYPED_ARRAY = 96;
/** Short strings from JSON.parse are internalised by V8: one copy per distinct value. */
const INTERNALISED_MAX = 10;
/** Longer strings are looked at for characters that take two bytes. */
const CHECK_WIDE_FROM = 256;
/** Any character beyond Latin-1: V8 then keeps the string at two bytes a character. */
const WIDE = /[\u0100-\uffff]/;
const CHECK_EVERY = 512;

export async function valueBytes(value: unknown, slices: CpuSlices = cpuSlices): Promise<number> {
  const seen = new Set<object>();
  const shortStrings = new Set<string>();
  const stack: unknown[] = [value];
  let bytes = 0;
  let visited = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (++visited % CHECK_EVERY === 0) await slices.pause();
    if (typeof item === 'string') {
      if (item.length <= INTERNALISED_MAX) {
        if (shortStrings.has(item)) continue;
        shortStrings.add(item);
      }
      const wide = item.length >= CHECK_WIDE_FROM && WIDE.test(item);
      bytes += STRING + roundUp(item.length * (wide ? 2 : 1));
      continue;
    }
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (ArrayBuffer.isView(item)) {
      // The contents live outside the heap, but the process holds them all the same.
      bytes += TYPED_ARRAY + item.byteLength;
    } else if (Array.isArray(item)) {
      bytes += ARRAY + SLOT * item.length;
      // Numbers take no room beyond their slot: only what they point to is walked.
      for (const element of item) if (typeof element !== 'number') stack.push(element);
    } else if (item instanceof Map) {
      bytes += MAP + MAP_ENTRY * item.size;
      for (const [key, entry] of item) stack.push(key, entry);
    } else if (item instanceof Set) {
      bytes += MAP + MAP_ENTRY * item.size;
      for (const entry of item) stack.push(entry);
    } else {
      let slots = 0;
      for (const name in item) {
        stack.push((item as Record<string, unknown>)[name]);
        slots++;
      }
      bytes += OBJECT + SLOT * slots;
    }
  }
  return bytes;
}

function roundUp(length: number): number {
  return Math.ceil(length / SLOT) * SLOT;
}
