import { LRUCache } from 'lru-cache';
import { inBackground } from '../cpu-slices';
import { valueBytes } from './value-bytes';

interface Entry {
  value: unknown;
  fetchedAt: number;
  size: number;
}

/**
 * The generation of one identity's answers, kept only while loads (or `putting` reads) for it
 * run: forgetting the identity bumps it, and a load started under an older one is not stored
 * when it ends.
 */
interface Generation {
  value: number;
  loads: number;
}

/** How a value learnt without a load is kept (see `IdentityCache.putting`). */
export interface PutOptions {
  /** How long it is served; then it is gone (no stale serving, no background refresh). */
  ttlMs: number;
  /** Its estimated size for the memory bound. */
  bytes: number;
}

/** Stores one value for the identity its `putting` call names. */
export type Put = (name: string, value: unknown, options: PutOptions) => void;

export interface IdentityCacheOptions {
  /** How long an answer is served as is. */
  freshMs?: number;
  /** How long a stale answer may still be served while a background refresh runs. */
  staleMs?: number;
  /** Upper bound of everything cached, in estimated bytes. */
  maxBytes?: number;
  now?: () => number;
}

/**
 * Listings warmed in the background at once, process-wide: each costs a few hundred ms of CPU
 * and holds its pages while it runs, so twenty new users are warmed one after the other.
 */
const WARM_CONCURRENCY = 1;

interface Warm {
  identityKey: string;
  key: string;
  load: () => Promise<unknown>;
  track?: (task: Promise<unknown>) => void;
}

/** Expired entries are dropped at most this often (each drop walks every entry). */
const PURGE_EVERY_MS = 60_000;

/**
 * Answers RingCentral gave one identity, reused for that identity only. Every key starts with
 * the identity key (RingCentral account + extension + admin flag), so an administrator's
 * listing can never answer a regular user, nor one user's answer another user.
 * Bounded by size; fresh entries are served as is, stale ones are served while a single
 * background refresh replaces them, and concurrent misses share one load. Forgetting an identity
 * (unlink, relink, a changed role) also disowns its loads still in flight: their callers get
 * the answer they asked for, but it is not cached.
 */
export class IdentityCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly generations = new Map<string, Generation>();
  private readonly freshMs: number;
  private readonly now: () => number;
  private lastPurge: number;
  private readonly warms: Warm[] = [];
  private warming = 0;
  /** Questions answered from the cache, and those that had to load (for the metrics). */
  readonly lookups = { hits: 0, misses: 0 };

  constructor(options: IdentityCacheOptions = {}) {
    this.freshMs = options.freshMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    this.lastPurge = this.now();
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes ?? 256 * 1024 * 1024,
      sizeCalculation: (entry) => Math.max(1, entry.size),
      ttl: options.staleMs ?? 30 * 60_000,
      ttlAutopurge: false,
      // The cache's own clock, so that expiry and freshness agree.
      perf: { now: () => this.now() },
      ttlResolution: 0,
    });
  }

  /**
   * The cached value of `name` for `identityKey`, loading it when missing. The value is sized
   * for the memory bound by what it holds (`valueBytes`), unless `estimateBytes` says.
   */
  async get<T>(
    identityKey: string,
    name: string,
    load: () => Promise<T>,
    estimateBytes: (value: T) => number | Promise<number> = valueBytes,
  ): Promise<T> {
    this.purgeExpired();
    const key = `${identityKey}\u0000${name}`;
    const entry = this.entries.get(key);
    if (entry) this.lookups.hits++;
    else this.lookups.misses++;
    if (entry) {
      if (this.now() - entry.fetchedAt > this.freshMs && !this.loading.has(key)) {
        // Serve the stale answer now; refresh behind it. A failed refresh keeps the old one.
        inBackground(() => this.load(identityKey, key, load, estimateBytes)).catch(() => undefined);
      }
      return entry.value as T;
    }
    return this.load(identityKey, key, load, estimateBytes);
  }

  /**
   * Loads `name` for the identity in the background unless it is cached or loading already,
   * a few at a time across all identities. `track` is given each load that starts.
   */
  warm<T>(
    identityKey: string,
    name: string,
    load: () => Promise<T>,
    track?: (task: Promise<unknown>) => void,
  ): void {
    const key = `${identityKey}\u0000${name}`;
    if (this.entries.has(key) || this.loading.has(key)) return;
    if (this.warms.some((warm) => warm.key === key)) return;
    this.warms.push({ identityKey, key, load, track });
    this.startWarms();
  }

  private startWarms(): void {
    while (this.warming < WARM_CONCURRENCY && this.warms.length > 0) {
      const next = this.warms.shift() as Warm;
      if (this.entries.has(next.key) || this.loading.has(next.key)) continue;
      this.warming++;
      const task = inBackground(() => this.load(next.identityKey, next.key, next.load, valueBytes))
        .catch(() => undefined)
        .finally(() => {
          this.warming--;
          this.startWarms();
        });
      next.track?.(task);
    }
  }

  /**
   * Runs `read`, which stores what it learns for the identity with `put` (values that come
   * with a request made for something else, such as each extension of a presence batch). A put
   * counts as no lookup and keeps its value for its own `ttlMs`; read it back with `peek`.
   * Like a load, `read` belongs to the identity's generation when it started: once the identity
   * is forgotten its puts store nothing (their values were read under the link that went), and
   * `put` may not be kept past `read`'s end.
   */
  async putting<T>(identityKey: string, read: (put: Put) => Promise<T>): Promise<T> {
    const generation = this.enter(identityKey);
    const startedIn = generation.value;
    let open = true;
    const put: Put = (name, value, { ttlMs, bytes }) => {
      if (!open) throw new Error('IdentityCache: put called after its read ended');
      if (!(ttlMs > 0)) throw new Error('IdentityCache: a put needs a positive ttlMs');
      if (generation.value !== startedIn) return;
      this.purgeExpired();
      const entry = { value, fetchedAt: this.now(), size: bytes };
      this.entries.set(`${identityKey}\u0000${name}`, entry, { ttl: ttlMs });
    };
    try {
      return await read(put);
    } finally {
      open = false;
      this.leave(identityKey, generation);
    }
  }

  /** The cached value without loading, if fresh or stale. */
  peek<T>(identityKey: string, name: string): T | undefined {
    return this.entries.get(`${identityKey}\u0000${name}`)?.value as T | undefined;
  }

  /**
   * Forgets everything cached for one identity (after unlink, for instance), loads in flight
   * included: they finish for whoever already waits on them, but store nothing, and the next
   * question starts a load of its own.
   */
  forgetIdentity(identityKey: string): void {
    const prefix = `${identityKey}\u0000`;
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key);
    }
    for (const key of [...this.loading.keys()]) {
      if (key.startsWith(prefix)) this.loading.delete(key);
    }
    for (let i = this.warms.length - 1; i >= 0; i--) {
      if (this.warms[i]?.identityKey === identityKey) this.warms.splice(i, 1);
    }
    const generation = this.generations.get(identityKey);
    if (generation) generation.value += 1;
  }

  /** How many answers are cached for one identity. */
  countOf(identityKey: string): number {
    const prefix = `${identityKey}\u0000`;
    let count = 0;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) count += 1;
    return count;
  }

  /**
   * Drops entries past their stale limit. Without it an entry nobody asks for again stays on
   * the heap until the size bound pushes it out, long after it could no longer be served.
   */
  private purgeExpired(): void {
    const now = this.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    this.entries.purgeStale();
  }

  get totalBytes(): number {
    return this.entries.calculatedSize;
  }

  get size(): number {
    return this.entries.size;
  }

  private load<T>(
    identityKey: string,
    key: string,
    load: () => Promise<T>,
    estimate: (value: T) => number | Promise<number>,
  ): Promise<T> {
    const running = this.loading.get(key);
    if (running) return running as Promise<T>;
    const generation = this.enter(identityKey);
    const startedIn = generation.value;
    // Wrapped, so that even a load that throws at once settles through the bookkeeping below.
    const started: Promise<T> = new Promise<T>((resolve) => resolve(load()))
      .then(async (value) => {
        const size = generation.value === startedIn ? await estimate(value) : 0;
        // Checked again: the identity may have been forgotten while the value was sized.
        if (generation.value === startedIn) {
          this.entries.set(key, { value, fetchedAt: this.now(), size });
        }
        return value;
      })
      .finally(() => {
        // A newer load of the same key (started after a forget) keeps its place.
        if (this.loading.get(key) === started) this.loading.delete(key);
        this.leave(identityKey, generation);
      });
    this.loading.set(key, started);
    return started;
  }

  /** The identity's generation, held for one load or `putting` read until `leave`. */
  private enter(identityKey: string): Generation {
    const generation = this.generations.get(identityKey) ?? { value: 0, loads: 0 };
    this.generations.set(identityKey, generation);
    generation.loads += 1;
    return generation;
  }

  private leave(identityKey: string, generation: Generation): void {
    generation.loads -= 1;
    if (generation.loads === 0 && this.generations.get(identityKey) === generation) {
      this.generations.delete(identityKey);
    }
  }
}
