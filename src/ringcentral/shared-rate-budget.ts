import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { RateLedger } from '../store/types';
import { RateBudget, type RateBudgetOptions, type RateGroup } from './rate-budget';

/** Old rows are dropped at most this often, by whichever process notices first. */
const PURGE_EVERY_MS = 60_000;

/**
 * The rate budget shared by every process on one database: RingCentral counts requests per
 * person, not per process, so two instances behind a load balancer must not each spend the same
 * person's minute. Each request is first cleared by this process's own view (the server's
 * `X-Rate-Limit-*` headers, a 429's Retry-After), then recorded in the store's ledger, which
 * refuses it while the person's window is full there or the group is blocked. If the store
 * cannot be reached, the process's own budget decides alone rather than stopping every answer.
 */
export class SharedRateBudget extends RateBudget {
  private readonly spent = new Map<string, string[]>();
  private lastPurge = 0;

  constructor(
    private readonly ledger: RateLedger,
    options: RateBudgetOptions = {},
  ) {
    super(options);
  }

  override async acquire(
    identity: string,
    group: RateGroup,
    options: { maxWaitMs?: number; onWait?: (ms: number) => void } = {},
  ): Promise<void> {
    const deadline = this.now() + (options.maxWaitMs ?? 0);
    for (;;) {
      const maxWaitMs = Math.max(0, deadline - this.now());
      await super.acquire(identity, group, { ...options, maxWaitMs });
      const { limit, windowMs } = this.windowOf(identity, group);
      const id = randomUUID();
      const now = this.now();
      const result = await this.ledger
        .trySpend(identity, group, id, now, windowMs, limit)
        .catch(() => ({ spent: true }) as const);
      this.purgeNow(now, windowMs);
      if (result.spent) {
        this.idsOf(identity, group).push(id);
        return;
      }
      // Another process took the room: undo this one's own record and wait for the window.
      super.refund(identity, group);
      const wait = Math.max(1, result.retryAt - this.now());
      if (this.now() + wait > deadline) {
        throw new AppError('rate_limited', `RingCentral ${group} budget is spent`, {
          retryAfterSec: Math.ceil(wait / 1000),
        });
      }
      options.onWait?.(wait);
      await this.sleep(wait);
    }
  }

  override record(identity: string, group: RateGroup): void {
    super.record(identity, group);
    const now = this.now();
    // Already sent: recorded whatever the window holds (no limit refuses it).
    this.ledger
      .trySpend(
        identity,
        group,
        randomUUID(),
        now,
        this.windowOf(identity, group).windowMs,
        Infinity,
      )
      .catch(() => undefined);
  }

  override refund(identity: string, group: RateGroup): void {
    super.refund(identity, group);
    const id = this.idsOf(identity, group).pop();
    if (id) this.ledger.refund(id).catch(() => undefined);
  }

  override block(identity: string, group: RateGroup, retryAfterSec: number): void {
    super.block(identity, group, retryAfterSec);
    const until = this.now() + retryAfterSec * 1000;
    this.ledger.block(identity, group, until).catch(() => undefined);
  }

  private idsOf(identity: string, group: RateGroup): string[] {
    const key = `${identity}|${group}`;
    let ids = this.spent.get(key);
    if (!ids) {
      ids = [];
      this.spent.set(key, ids);
    }
    // Only the newest few can still be refunded (a 401 comes back at once).
    if (ids.length > 64) ids.splice(0, ids.length - 64);
    return ids;
  }

  private purgeNow(now: number, windowMs: number): void {
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    this.ledger.purge(now - 2 * windowMs).catch(() => undefined);
  }
}
