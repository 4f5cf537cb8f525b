import type { LinkedIdentity } from '../model';
import { identityKeyOf } from '../ringcentral/user-session';
import type { Services } from '../services';
import type { UpkeepTask } from './upkeep-scheduler';

/** How often each process reads the notices of the others. */
const FOLLOW_EVERY_MS = 500;
/** Notices read in one go; more wait for the next read. */
const BATCH = 500;
/** Stale notices have done their work once every process has read them (within a second). */
const STALE_NOTICE_KEEP_MS = 10 * 60_000;

/** Forgets stale notices every process has had time to read. */
export const purgeStaleNotices: UpkeepTask = async (services) => ({
  staleNoticesPurged: await services.staleNotices.purge(services.now() - STALE_NOTICE_KEEP_MS),
});

/**
 * An event said this identity's answers are stale. This process forgets them now; the notice
 * in the store tells every other process on the database, which forgets them within about
 * half a second, so the next answer is right whichever instance the member's question reaches.
 * A failed write is logged: this process has forgotten, the others fall back on time.
 */
export async function forgetEverywhere(services: Services, identity: LinkedIdentity) {
  const identityKey = identityKeyOf(identity);
  forgetHere(services, identityKey);
  await services.staleNotices
    .announce(identityKey, services.instanceId, services.now())
    .catch((error: unknown) => {
      services.logger.warn({ err: (error as Error).message }, 'stale notice not stored');
    });
}

/** This process forgets one identity's cached answers, and counts it. */
export function forgetHere(services: Pick<Services, 'cache' | 'counters'>, identityKey: string) {
  services.cache.forgetIdentity(identityKey);
  services.counters.add('cache_invalidations');
}

/**
 * Reads the other processes' stale notices and forgets what they name. Starts from the newest
 * notice at start (an older one concerns answers this process did not have yet).
 */
export class StaleNoticeFollower {
  private timer: NodeJS.Timeout | undefined;
  private lastSeq: number | null = null;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly services: Services,
    private readonly everyMs = FOLLOW_EVERY_MS,
  ) {}

  async start(): Promise<void> {
    if (this.timer || this.everyMs <= 0) return;
    this.lastSeq = await this.services.staleNotices.latest().catch(() => null);
    this.timer = setInterval(() => void this.readOnce(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.reading;
  }

  /** One read now (or the one under way). */
  readOnce(): Promise<void> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<void> {
    const { staleNotices, instanceId, logger } = this.services;
    try {
      this.lastSeq ??= await staleNotices.latest();
      const notices = await staleNotices.after(this.lastSeq, BATCH);
      for (const notice of notices) {
        this.lastSeq = notice.seq;
        if (notice.origin === instanceId) continue;
        forgetHere(this.services, notice.identityKey);
      }
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'stale notices not read');
    }
  }
}
