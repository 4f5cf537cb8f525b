import type { CounterName, Counters } from '../model';

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
