/** The rate ledger: each person's RingCentral requests, shared by every app process. */

/** The answer to `trySpend`: spent, or the time (ms since the epoch) when room opens. */
export type SpendResult = { spent: true } | { spent: false; retryAt: number };

/**
 * One rate budget per RingCentral person across every process sharing the database: each
 * request is recorded before it goes out, and none goes out past the limit of its sliding
 * window, nor while the group is blocked after a 429.
 */
export interface RateLedger {
  /**
   * Records request `id` of `group` for `key` at `now`, unless `limit` were already sent in
   * the `windowMs` before it or the group is blocked; atomic across processes.
   */
  trySpend(
    key: string,
    group: string,
    id: string,
    now: number,
    windowMs: number,
    limit: number,
  ): Promise<SpendResult>;
  /** Forgets request `id` (RingCentral did not count it: a 401). */
  refund(id: string): Promise<void>;
  /** Nothing of `group` goes out for `key` before `until` (after a 429's Retry-After). */
  block(key: string, group: string, until: number): Promise<void>;
  /** Drops requests sent before `before`; resolves with how many. */
  purge(before: number): Promise<number>;
}
