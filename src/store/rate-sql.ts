/** What both stores' rate ledgers decide from the rows they read (see RateLedger). */
import type { SpendResult } from './types';

/**
 * Room for one more request, from the send times inside the window (oldest first) and the
 * group's block: none while blocked; else none while `limit` were sent, until the oldest of
 * those that count leaves the window.
 */
export function spendDecision(
  sentInWindow: number[],
  blockedUntil: number,
  now: number,
  windowMs: number,
  limit: number,
): SpendResult {
  if (blockedUntil > now) return { spent: false, retryAt: blockedUntil };
  if (sentInWindow.length < limit) return { spent: true };
  const oldest = sentInWindow[sentInWindow.length - limit] ?? now;
  return { spent: false, retryAt: oldest + windowMs + 1 };
}
