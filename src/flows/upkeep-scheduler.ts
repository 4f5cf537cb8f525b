import type { Services } from '../services';

export interface UpkeepOptions {
  /** How often upkeep runs; default one minute, 0 turns the timer off (tests run rounds). */
  intervalMs?: number;
}

/** A piece of upkeep; each reports what it did, for the log. */
export type UpkeepTask = (services: Services) => Promise<Record<string, number>>;

const DEFAULT_INTERVAL_MS = 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** Forgets shares older than AUDIT_RETENTION_DAYS. */
export const purgeAudit: UpkeepTask = async (services) => {
  const cutoff = services.now() - services.config.auditRetentionDays * DAY_MS;
  return { sharesPurged: await services.audit.purgeSharesBefore(cutoff) };
};

/**
 * The app's own housekeeping, beside the reminder scheduler and on the same minute: the audit
 * trail's retention, and (when on) the upkeep of RingCentral event subscriptions. Rounds never
 * overlap; a task that fails is logged and tried again next round, without stopping the others.
 */
export class UpkeepScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly intervalMs: number;

  constructor(
    private readonly services: Services,
    private readonly tasks: Record<string, UpkeepTask>,
    options: UpkeepOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  }

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runRound(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round now (or the one under way). */
  runRound(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    for (const [name, task] of Object.entries(this.tasks)) {
      try {
        const done = await task(this.services);
        if (Object.values(done).some((count) => count > 0)) {
          this.services.logger.debug({ task: name, ...done }, 'upkeep');
        }
      } catch (error) {
        this.services.logger.warn(
          { task: name, message: (error as Error).message },
          'upkeep failed',
        );
      }
    }
  }
}
