/**
 * Stale notices: a RingCentral event reaches one process (the webhook lands on one instance),
 * but every process on the database caches answers. A notice in the store tells the others
 * which identity's answers to forget.
 */

export interface StaleNotice {
  /** Increases with each notice, in the order notices became visible to readers. */
  seq: number;
  /** The identity whose cached answers are stale (`account:extension:role`). */
  identityKey: string;
  /** The process that announced it (it has forgotten them already). */
  origin: string;
}

export interface StaleNoticesStore {
  /** Records that `identityKey`'s cached answers are stale, said by process `origin`. */
  announce(identityKey: string, origin: string, at: number): Promise<void>;
  /** The notices after `seq`, oldest first, at most `limit`. */
  after(seq: number, limit: number): Promise<StaleNotice[]>;
  /** The newest notice's seq; 0 when there is none. */
  latest(): Promise<number>;
  /** Drops notices announced before `before`; resolves with how many. */
  purge(before: number): Promise<number>;
}
