/**
 * Counts of what the app did, for whoever watches it (metrics). A small interface so the count
 * points need not know how they are exported; the app counts in memory until a metrics
 * exporter takes them.
 */
export type CounterName =
  /** RingCentral events accepted (verification token and subscription both good). */
  | 'ringcentral_events_received'
  /** Webhook calls refused: unknown subscription, wrong or missing token, unreadable body. */
  | 'ringcentral_events_refused'
  /** Identities whose cached answers an event made the app forget. */
  | 'cache_invalidations';

export interface Counters {
  add(name: CounterName, by?: number): void;
  value(name: CounterName): number;
}
