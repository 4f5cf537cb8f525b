// Failures tests ask the stand-in for: the next calls to a method rate limited (HTTP 429 with
// Retry-After) or answering an error, as Slack does.

interface Failure {
  error: string;
  remaining: number;
}

export class Faults {
  private readonly failures = new Map<string, Failure[]>();
  private readonly rateLimits = new Map<string, { retryAfterSec: number; remaining: number }>();

  /** The error the next call to `method` answers, if one was asked for. */
  takeFailure(method: string): string | undefined {
    const queue = this.failures.get(method);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.error;
  }

  /** The Retry-After of the next call to `method`, if it is to be rate limited. */
  takeRateLimit(method: string): number | undefined {
    const limit = this.rateLimits.get(method);
    if (!limit || limit.remaining <= 0) return undefined;
    limit.remaining -= 1;
    return limit.retryAfterSec;
  }

  rateLimitNext(method: string, count: number, retryAfterSec: number): void {
    this.rateLimits.set(method, { retryAfterSec, remaining: count });
  }

  failNext(method: string, error: string, count = 1): void {
    const queue = this.failures.get(method) ?? [];
    queue.push({ error, remaining: count });
    this.failures.set(method, queue);
  }

  clear(): void {
    this.failures.clear();
    this.rateLimits.clear();
  }
}
