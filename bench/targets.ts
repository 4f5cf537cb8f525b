/** The targets the bench reports against, checked from the measured numbers. */
import type { IdentityResult } from './measure-kinds';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const WARM_P50_MS = 5;
const ADMIN_COLD_FULL_REQUESTS = 2;

export function checkTargets(identities: IdentityResult[]): TargetCheck[] {
  const warm = identities.flatMap((identity) => identity.kinds.map((kind) => kind.warmRepeat));
  const warmRequests = Math.max(0, ...warm.map((summary) => summary.requestsMax));
  const warmP50 = Math.max(0, ...warm.map((summary) => summary.p50Ms));
  const adminFull = identities
    .find((identity) => identity.isAdmin)
    ?.kinds.find((kind) => kind.kind === 'full')?.cold;
  const checks: TargetCheck[] = [
    {
      target: 'warm lookup: 0 RingCentral requests',
      measured: `at most ${warmRequests} per lookup, every kind, both users`,
      met: warmRequests === 0,
    },
    {
      target: `warm lookup: p50 < ${WARM_P50_MS} ms`,
      measured: `slowest kind's p50 ${warmP50.toFixed(2)} ms`,
      met: warmP50 < WARM_P50_MS,
    },
  ];
  if (adminFull) {
    checks.push({
      target: `admin cold full-number lookup: ≤ ${ADMIN_COLD_FULL_REQUESTS} requests (+ account read)`,
      measured: `at most ${adminFull.withoutAccountMax} + ${adminFull.accountReadsMean} account read`,
      met: adminFull.withoutAccountMax <= ADMIN_COLD_FULL_REQUESTS,
    });
  }
  return checks;
}
