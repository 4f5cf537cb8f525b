import type { CounterName, Counters } from '../model';

/** What the metrics publish of the counts: RingCentral events and the invalidations they caused. */
export function eventCounts(counters: Counters) {
  return {
    received: counters.value('ringcentral_events_received'),
    refused: counters.value('ringcentral_events_refused'),
    invalidations: counters.value('cache_invalidations'),
  };
}

/** Counters kept in memory, per process. */
export class MemoryCounters implements Counters {
  private readonly counts = new Map<CounterName, number>();

  add(name: CounterName, by = 1): void {
    this.counts.set(name, this.value(name) + by);
  }

  value(name: CounterName): number {
    return this.counts.get(name) ?? 0;
  }
}
