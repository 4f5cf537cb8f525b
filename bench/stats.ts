/** Small numeric helpers for the bench: percentiles, request summaries, rate-limit waits. */
import type { RateGroup } from '../src/sandbox';
import type { RequestTally } from './sandbox-protocol';

/** One measured lookup. */
export interface Sample {
  ms: number;
  tally: RequestTally;
}

export interface SampleSummary {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  /** Mean RingCentral requests per lookup, the account read included. */
  requestsMean: number;
  requestsMin: number;
  requestsMax: number;
  /** Mean account reads per lookup (the home country for parsing numbers comes from it). */
  accountReadsMean: number;
  /** The most requests one lookup made besides the account read. */
  withoutAccountMax: number;
  /** Mean requests per lookup by rate group. */
  byGroupMean: Record<RateGroup, number>;
  /** The longest a lookup would wait at RingCentral's published limits, from a fresh budget. */
  rateLimitWaitSec: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

/** RingCentral's published per-user limits per 60 s window. */
export const RINGCENTRAL_LIMITS: Record<RateGroup, number> = {
  Light: 50,
  Medium: 40,
  Heavy: 10,
  Auth: 5,
};
const WINDOW_SEC = 60;

/**
 * How long `byGroup` requests must wait at the published limits if sent as fast as allowed from
 * an unused budget: every full window beyond the first one costs 60 s; groups run side by side.
 */
export function rateLimitWaitSec(byGroup: Record<RateGroup, number>): number {
  let longest = 0;
  for (const group of Object.keys(RINGCENTRAL_LIMITS) as RateGroup[]) {
    const count = byGroup[group];
    if (count <= 0) continue;
    longest = Math.max(longest, Math.floor((count - 1) / RINGCENTRAL_LIMITS[group]) * WINDOW_SEC);
  }
  return longest;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function summarise(samples: Sample[]): SampleSummary {
  const mean = (pick: (s: Sample) => number) =>
    samples.length === 0 ? 0 : samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
  const totals = samples.map((s) => s.tally.total);
  const groups = Object.keys(RINGCENTRAL_LIMITS) as RateGroup[];
  const byGroupMean = Object.fromEntries(
    groups.map((group) => [group, round(mean((s) => s.tally.byGroup[group]))]),
  ) as Record<RateGroup, number>;
  return {
    runs: samples.length,
    p50Ms: round(
      percentile(
        samples.map((s) => s.ms),
        50,
      ),
    ),
    p95Ms: round(
      percentile(
        samples.map((s) => s.ms),
        95,
      ),
    ),
    requestsMean: round(mean((s) => s.tally.total)),
    requestsMin: totals.length ? Math.min(...totals) : 0,
    requestsMax: totals.length ? Math.max(...totals) : 0,
    accountReadsMean: round(mean((s) => s.tally.accountReads)),
    withoutAccountMax: Math.max(0, ...samples.map((s) => s.tally.total - s.tally.accountReads)),
    byGroupMean,
    rateLimitWaitSec: Math.max(0, ...samples.map((s) => rateLimitWaitSec(s.tally.byGroup))),
  };
}
