import { AppError } from '../errors';

export type RateGroup = 'Light' | 'Medium' | 'Heavy' | 'Auth';

/** What RingCentral counts a budget by: the person (account and extension), whatever their role. */
export function budgetKeyOf(identity: { accountId: string; extensionId: string }): string {
  return `${identity.accountId}:${identity.extensionId}`;
}

/** RingCentral's published per-user limits, used until response headers say otherwise. */
export const DEFAULT_RATE_LIMITS: Record<RateGroup, number> = {
  Light: 50,
  Medium: 40,
  Heavy: 10,
  Auth: 5,
};

interface GroupState {
  sent: number[];
  limit: number;
  windowMs: number;
  /** From the last `X-Rate-Limit-Remaining`, with when it was read. */
  remaining: number | null;
  remainingAt: number;
  blockedUntil: number;
}

export interface RateBudgetOptions {
  windowMs?: number;
  limits?: Partial<Record<RateGroup, number>>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps each RingCentral identity inside its rate limits, so the app never pushes a user into
 * the penalty window: it counts what it sent in the sliding window, believes the server's
 * `X-Rate-Limit-*` headers when they are stricter, and honours `Retry-After` after a 429.
 * Keyed by RingCentral identity (account + extension), because that is what RingCentral counts.
 */
export class RateBudget {
  private readonly groups = new Map<string, GroupState>();
  private readonly windowMs: number;
  private readonly limits: Record<RateGroup, number>;
  protected readonly now: () => number;
  protected readonly sleep: (ms: number) => Promise<void>;

  constructor(options: RateBudgetOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.limits = { ...DEFAULT_RATE_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Milliseconds until one more request of this group may go out; 0 means now. */
  delayFor(identity: string, group: RateGroup): number {
    const state = this.state(identity, group);
    const now = this.now();
    this.forget(state, now);
    let wait = Math.max(0, state.blockedUntil - now);
    if (state.sent.length >= state.limit) {
      const oldest = state.sent[state.sent.length - state.limit] ?? now;
      wait = Math.max(wait, oldest + state.windowMs - now + 1);
    }
    const headerFresh = now - state.remainingAt < state.windowMs;
    if (headerFresh && state.remaining !== null && state.remaining <= 0) {
      wait = Math.max(wait, state.remainingAt + state.windowMs - now + 1);
    }
    return wait;
  }

  /** How many requests of this group could go out right now. */
  available(identity: string, group: RateGroup): number {
    const state = this.state(identity, group);
    const now = this.now();
    this.forget(state, now);
    if (state.blockedUntil > now) return 0;
    let free = state.limit - state.sent.length;
    if (state.remaining !== null && now - state.remainingAt < state.windowMs) {
      free = Math.min(free, state.remaining);
    }
    return Math.max(0, free);
  }

  /**
   * Waits for room for one request and records it as sent. Waits no longer than `maxWaitMs`:
   * beyond that the caller gets a rate_limited error to show the user, instead of hanging.
   */
  async acquire(
    identity: string,
    group: RateGroup,
    options: { maxWaitMs?: number; onWait?: (ms: number) => void } = {},
  ): Promise<void> {
    // One deadline for the whole wait, however often others take the room first.
    const deadline = this.now() + (options.maxWaitMs ?? 0);
    for (;;) {
      const wait = this.delayFor(identity, group);
      if (wait === 0) break;
      if (this.now() + wait > deadline) {
        throw new AppError('rate_limited', `RingCentral ${group} budget is spent`, {
          retryAfterSec: Math.ceil(wait / 1000),
        });
      }
      options.onWait?.(wait);
      await this.sleep(wait);
    }
    this.state(identity, group).sent.push(this.now());
  }

  /**
   * Counts a request that went out without waiting for room: the sign-in's and the hourly
   * re-read of who the member is, made before or beside their session. RingCentral counts
   * them against the same minute, so the budget must too.
   */
  record(identity: string, group: RateGroup): void {
    this.state(identity, group).sent.push(this.now());
  }

  /**
   * Gives back a request that RingCentral did not count: one refused as unauthorized (an
   * expired token) is not charged to the user.
   */
  refund(identity: string, group: RateGroup): void {
    this.state(identity, group).sent.pop();
  }

  /** Learns the server's view (limit, window, what is left) from the headers of any answer. */
  observe(identity: string, group: RateGroup, headers: Headers): void {
    const state = this.state(identity, group);
    const limit = Number(headers.get('x-rate-limit-limit'));
    const remaining = headers.get('x-rate-limit-remaining');
    const windowSec = Number(headers.get('x-rate-limit-window'));
    // The server's own figure wins: accounts may have other limits than the published defaults.
    if (Number.isFinite(limit) && limit > 0) state.limit = limit;
    if (Number.isFinite(windowSec) && windowSec > 0) state.windowMs = windowSec * 1000;
    if (remaining !== null && remaining !== '' && Number.isFinite(Number(remaining))) {
      state.remaining = Number(remaining);
      state.remainingAt = this.now();
    }
  }

  /**
   * After a 429: nothing of this group goes out until Retry-After has passed, and then at once.
   * Retry-After is the authority here: the `X-Rate-Limit-Remaining: 0` the 429 itself carries
   * describes the penalty it times, so it must not be read as a fresh window starting now, and
   * our own count of what was sent before the 429 is replaced by the server's verdict. Headers
   * of the next successful answer shape the budget again.
   */
  block(identity: string, group: RateGroup, retryAfterSec: number): void {
    const state = this.state(identity, group);
    state.blockedUntil = Math.max(state.blockedUntil, this.now() + retryAfterSec * 1000);
    state.remaining = null;
    state.sent.length = 0;
  }

  /** The limit and window this identity's group is counted against now. */
  protected windowOf(identity: string, group: RateGroup): { limit: number; windowMs: number } {
    const { limit, windowMs } = this.state(identity, group);
    return { limit, windowMs };
  }

  private forget(state: GroupState, now: number): void {
    while (state.sent.length > 0 && (state.sent[0] ?? 0) <= now - state.windowMs)
      state.sent.shift();
  }

  private state(identity: string, group: RateGroup): GroupState {
    const key = `${identity}|${group}`;
    let state = this.groups.get(key);
    if (!state) {
      state = {
        sent: [],
        limit: this.limits[group],
        windowMs: this.windowMs,
        remaining: null,
        remainingAt: 0,
        blockedUntil: 0,
      };
      this.groups.set(key, state);
    }
    return state;
  }
}
