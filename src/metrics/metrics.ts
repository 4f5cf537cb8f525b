import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the metrics read when scraped: the store's link counts and the cache's own counters. */
export interface MetricsSources {
  linkCounts: () => Promise<{ active: number; broken: number }>;
  cache: () => { hits: number; misses: number; bytes: number; entries: number };
  /** RingCentral events received and refused, and the cache invalidations they caused. */
  events?: () => { received: number; refused: number; invalidations: number };
  /** WebSocket subscriptions this process holds open (or is opening). */
  eventSockets?: () => number;
}

/** Slack wants an ack within 3 s; answers may take longer while a cold listing is read. */
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3];
const ANSWER_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The app's Prometheus metrics, in a registry of its own (created in the composition root and
 * handed round in Services), so two apps in one process never share or collide. Besides the
 * families below, prom-client's default process metrics are registered, among them event-loop
 * delay (`nodejs_eventloop_lag_p99_seconds`, `…_max_seconds`, from monitorEventLoopDelay).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'rcnumber_commands_total',
    help: 'Slash commands answered, by kind and outcome (ok, or the error code shown)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly ackSeconds = new Histogram({
    name: 'rcnumber_slack_ack_seconds',
    help: 'Time from a Slack request reaching the app to its HTTP answer (the ack)',
    buckets: ACK_BUCKETS,
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'rcnumber_answer_seconds',
    help: 'Time from a slash command to its final reply, by kind',
    labelNames: ['kind'] as const,
    buckets: ANSWER_BUCKETS,
    registers: [this.registry],
  });
  readonly ringcentralRequests = new Counter({
    name: 'rcnumber_ringcentral_requests_total',
    help: 'Requests sent to RingCentral, by rate group and HTTP status (0: no answer)',
    labelNames: ['group', 'status'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'rcnumber_ringcentral_rate_limited_total',
    help: 'RingCentral answers with status 429, by rate group',
    labelNames: ['group'] as const,
    registers: [this.registry],
  });
  readonly refreshes = new Counter({
    name: 'rcnumber_token_refreshes_total',
    help: 'RingCentral token refreshes, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    let reported = { hits: 0, misses: 0 };
    const cacheLookups = new Counter({
      name: 'rcnumber_cache_lookups_total',
      help: 'Questions to the per-identity cache of RingCentral answers, by result (hit, miss)',
      labelNames: ['result'] as const,
      registers,
      collect() {
        const now = sources.cache();
        cacheLookups.inc({ result: 'hit' }, Math.max(0, now.hits - reported.hits));
        cacheLookups.inc({ result: 'miss' }, Math.max(0, now.misses - reported.misses));
        reported = now;
      },
    });
    new Gauge({
      name: 'rcnumber_cache_bytes',
      help: 'Estimated bytes held by the cache (bounded by CACHE_MAX_MB)',
      registers,
      collect() {
        this.set(sources.cache().bytes);
      },
    });
    new Gauge({
      name: 'rcnumber_cache_entries',
      help: 'Answers held by the cache',
      registers,
      collect() {
        this.set(sources.cache().entries);
      },
    });
    new Gauge({
      name: 'rcnumber_linked_members',
      help: 'Slack members linked to RingCentral, by link status (active, broken)',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const counts = await sources.linkCounts();
        this.set({ status: 'active' }, counts.active);
        this.set({ status: 'broken' }, counts.broken);
      },
    });
    this.eventFamilies(sources);
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 5 });
  }

  /** Counters kept in memory where events arrive, published as Prometheus counters. */
  private eventFamilies(sources: MetricsSources): void {
    const registers = [this.registry];
    const read = () => sources.events?.() ?? { received: 0, refused: 0, invalidations: 0 };
    let told = { received: 0, refused: 0 };
    const events = new Counter({
      name: 'rcnumber_ringcentral_events_total',
      help: 'RingCentral events (webhook or WebSocket), by outcome (received, refused)',
      labelNames: ['outcome'] as const,
      registers,
      collect() {
        const now = read();
        events.inc({ outcome: 'received' }, Math.max(0, now.received - told.received));
        events.inc({ outcome: 'refused' }, Math.max(0, now.refused - told.refused));
        told = now;
      },
    });
    let invalidated = 0;
    const invalidations = new Counter({
      name: 'rcnumber_cache_invalidations_total',
      help: 'Times a RingCentral event made one identity’s cached answers go',
      registers,
      collect() {
        const now = read().invalidations;
        invalidations.inc(Math.max(0, now - invalidated));
        invalidated = now;
      },
    });
    new Gauge({
      name: 'rcnumber_event_sockets',
      help: 'RingCentral WebSocket subscriptions this process holds (RC_EVENTS=websocket)',
      registers,
      collect() {
        this.set(sources.eventSockets?.() ?? 0);
      },
    });
  }

  /** One slash command done: its kind, outcome (`ok` or an error code) and how long it took. */
  commandDone(kind: string, outcome: string, seconds: number): void {
    this.commands.inc({ kind, outcome });
    this.answerSeconds.observe({ kind }, seconds);
  }

  /** One RingCentral answer (or none: status 0). */
  ringcentralRequest(group: string, status: number): void {
    this.ringcentralRequests.inc({ group, status: String(status) });
    if (status === 429) this.rateLimited.inc({ group });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
