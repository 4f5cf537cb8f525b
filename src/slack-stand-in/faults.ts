// The failures a test asks the Slack stand-in for: Web API errors (`{ok: false, error}`), 429
// rate limits, calls that never answer, and response_urls that refuse (404/410/500) or hang.

/** How a response_url answers a post it refuses: its HTTP status and Slack's body text. */
export interface ResponseUrlFault {
  status: number;
  /** Default: `expired_url` for 404, `gone` for 410, `internal_error` otherwise. */
  code?: string;
}

interface Counted<T> {
  value: T;
  remaining: number;
}

/** Queues of faults per key (a Web API method, or a response_url id or '*'), used up in order. */
class FaultQueues<T> {
  private readonly queues = new Map<string, Counted<T>[]>();

  add(key: string, value: T, count: number): void {
    const queue = this.queues.get(key) ?? [];
    queue.push({ value, remaining: Math.max(1, count) });
    this.queues.set(key, queue);
  }

  /** The next fault for `key` (or for '*'), used up. */
  take(key: string): T | undefined {
    for (const k of [key, '*']) {
      const queue = this.queues.get(k);
      const next = queue?.[0];
      if (!queue || !next) continue;
      next.remaining -= 1;
      if (next.remaining <= 0) queue.shift();
      return next.value;
    }
    return undefined;
  }

  clear(): void {
    this.queues.clear();
  }
}

const DEFAULT_CODES: Record<number, string> = { 404: 'expired_url', 410: 'gone' };

export class StandInFaults {
  readonly errors = new FaultQueues<string>();
  readonly rateLimits = new FaultQueues<number>();
  readonly hangs = new FaultQueues<true>();
  readonly responseUrls = new FaultQueues<ResponseUrlFault | 'hang'>();

  /** The answer a refused response_url post gets. */
  static responseUrlAnswer(fault: ResponseUrlFault): { status: number; text: string } {
    return {
      status: fault.status,
      text: fault.code ?? DEFAULT_CODES[fault.status] ?? 'internal_error',
    };
  }

  clear(): void {
    this.errors.clear();
    this.rateLimits.clear();
    this.hangs.clear();
    this.responseUrls.clear();
  }
}
