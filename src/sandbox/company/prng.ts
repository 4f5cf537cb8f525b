/**
 * A tiny seeded PRNG (mulberry32), so a generated company is the same on every machine and every
 * run for a given seed; `Math.random` could not give that.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** Turns a string seed into a 32-bit one (FNV-1a), so `seed: 'demo'` works as well as `seed: 42`. */
function seedOf(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Module-level copies: inside jest's vm context every `Math.x` is a slow global lookup, and the
// generator calls these hundreds of thousands of times.
const imul = Math.imul;
const floor = Math.floor;

export function createRng(seed: number | string): Rng {
  let a = seedOf(seed);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}
