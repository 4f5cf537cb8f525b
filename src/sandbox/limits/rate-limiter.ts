/**
 * RingCentral's rate limits: per app and user, each throttling group allows N requests in a
 * sliding window; going over starts a penalty during which every request is refused with 429,
 * and each request made during the penalty starts it again.
 */
import type { RateGroup, RateLimitSettings } from '../types';

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  Light: 50,
  Medium: 40,
  Heavy: 10,
  Auth: 5,
  windowSec: 60,
  penaltySec: 60,
};

export interface RateDecision {
  allowed: boolean;
  /** Seconds to wait, when refused. */
  retryAfterSec: number;
  headers: Record<string, string>;
}

interface Bucket {
  times: number[];
  penaltyUntil: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: RateLimitSettings | false,
    private readonly now: () => number = Date.now,
  ) {}

  /** Headers for an answer that was not counted (e.g. a 401 before the caller is known). */
  headersOnly(group: RateGroup): Record<string, string> {
    const s = this.settings || DEFAULT_RATE_LIMITS;
    return this.headers(group, s[group], s[group], s.windowSec);
  }

  take(clientId: string, extensionId: string, group: RateGroup): RateDecision {
    if (!this.settings)
      return { allowed: true, retryAfterSec: 0, headers: this.headersOnly(group) };
    const limit = this.settings[group];
    const { windowSec, penaltySec } = this.settings;
    const key = `${clientId}\u0000${extensionId}\u0000${group}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { times: [], penaltyUntil: 0 };
      this.buckets.set(key, bucket);
    }
    const now = this.now();
    const refuse = (): RateDecision => {
      bucket.penaltyUntil = now + penaltySec * 1000;
      return {
        allowed: false,
        retryAfterSec: Math.max(1, Math.ceil(penaltySec)),
        headers: this.headers(group, limit, 0, windowSec),
      };
    };
    if (now < bucket.penaltyUntil) return refuse();
    const since = now - windowSec * 1000;
    while (bucket.times.length > 0 && (bucket.times[0] as number) <= since) bucket.times.shift();
    if (bucket.times.length >= limit) return refuse();
    bucket.times.push(now);
    return {
      allowed: true,
      retryAfterSec: 0,
      headers: this.headers(group, limit, limit - bucket.times.length, windowSec),
    };
  }

  private headers(group: RateGroup, limit: number, remaining: number, windowSec: number) {
    return {
      'X-Rate-Limit-Group': group,
      'X-Rate-Limit-Limit': String(limit),
      'X-Rate-Limit-Remaining': String(remaining),
      'X-Rate-Limit-Window': String(windowSec),
    };
  }
}
