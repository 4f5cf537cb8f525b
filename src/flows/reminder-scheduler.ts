import { reminderMessage } from '../blocks';
import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import { connectUrl } from './link-prompt';
import { endExpiredPendingLinks } from './pending-link';

export interface ReminderSchedulerOptions {
  /** How often to look for due reminders; default one minute. */
  intervalMs?: number;
  /** Reminders claimed per look; more wait for the next round. */
  batchSize?: number;
}

const DEFAULT_INTERVAL_MS = 60_000;
const DEFAULT_BATCH = 50;

/**
 * Sends the one reminder a day after a member opened a Connect button without finishing. Due
 * reminders live in the store, so a restart neither loses nor repeats them; each is claimed
 * atomically before it is sent, so two processes never both send it. Each round also drops what
 * abandoned sign-ins left behind, which would otherwise pile up.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly services: Services,
    options: ReminderSchedulerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
  }

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runDue(), this.intervalMs);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }

  /** Stops the timer and waits for a round in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One round now; resolves with how many reminders were sent. Rounds never overlap. */
  runDue(): Promise<number> {
    if (!this.running) {
      this.running = this.round()
        .catch((error) => {
          this.services.logger.warn({ message: (error as Error).message }, 'reminder round failed');
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
    }
    return this.running;
  }

  private async round(): Promise<number> {
    await this.purgeAbandoned();
    const { links, members, now } = this.services;
    const due = await members.dueReminders(now(), this.batchSize);
    let sent = 0;
    for (const member of due) {
      if (await links.getLink(member)) {
        // Linked meanwhile (on another process, or before cancelling was in place): nothing to say.
        await members.cancelReminder(member);
        continue;
      }
      if (!(await members.claimReminder(member, now()))) continue;
      const failure = await sendDirectMessage(
        this.services,
        member.userId,
        reminderMessage({ connectUrl: await connectUrl(this.services, member) }),
      );
      if (!failure) sent += 1;
    }
    return sent;
  }

  /**
   * Drops what abandoned sign-ins left: expired OAuth states and Connect buttons, and the
   * sessions of sign-ins nobody confirmed. Never stops the reminders: a failed purge is
   * retried on the next round.
   */
  private async purgeAbandoned(): Promise<void> {
    const { links, logger, now } = this.services;
    try {
      const states = await links.purgeExpiredOAuthStates(now());
      const buttons = await links.purgeExpiredConnectStarts(now());
      if (states + buttons > 0) logger.debug({ states, buttons }, 'expired sign-in records purged');
    } catch (error) {
      logger.warn({ message: (error as Error).message }, 'could not purge expired OAuth states');
    }
    await endExpiredPendingLinks(this.services);
  }
}
