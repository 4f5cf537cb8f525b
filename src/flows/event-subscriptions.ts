import { randomBytes } from 'node:crypto';
import { PATHS } from '../paths';
import { SubscriptionApi, type SubscriptionInfo } from '../ringcentral/subscription-api';
import type { Services } from '../services';
import type { EventSubscription, MemberKey } from '../store/types';
import { tokenHash } from './ringcentral-event';
import type { UpkeepTask } from './upkeep-scheduler';

/** What the app asks for: a week, RingCentral's own default, renewed well before it ends. */
export const SUBSCRIPTION_TTL_SEC = 7 * 24 * 60 * 60;
/** How often RingCentral is asked whether a subscription still stands (not blacklisted). */
export const CHECK_EVERY_MS = 15 * 60_000;
/** How long one process holds a row it works on; also the retry delay after a failure. */
const LEASE_MS = 5 * 60_000;
/**
 * Renew once less than this is left: with the week asked for, on the fifth day. A lifetime
 * RingCentral granted shorter than this is renewed at every check.
 */
const RENEW_MARGIN_MS = 2 * 24 * 60 * 60_000;
/** Rows looked at per round; the rest wait for the next minute. */
const BATCH = 25;
/** Upkeep never waits long for a member's rate budget: it comes back next round. */
const CALL = { maxWaitMs: 2_000 };

export interface SubscriptionTiming {
  checkEveryMs?: number;
}

function renewDue(expiresAt: number, now: number): boolean {
  return expiresAt - now < RENEW_MARGIN_MS;
}

function nextCheck(expiresAt: number, now: number, checkEveryMs: number): number {
  return Math.min(now + checkEveryMs, Math.max(now, expiresAt - RENEW_MARGIN_MS));
}

async function apiFor(services: Services, member: MemberKey): Promise<SubscriptionApi> {
  return new SubscriptionApi(await services.sessions.open(member));
}

/**
 * Creates the member's webhook subscription with their own token, in place of `expected` (null:
 * the pending row). A random verification token goes to RingCentral; only its hash is kept.
 */
async function create(
  services: Services,
  member: MemberKey,
  expected: string | null,
  checkEveryMs: number,
): Promise<void> {
  const api = await apiFor(services, member);
  const token = randomBytes(32).toString('base64url');
  const address = `${services.config.publicUrl}${PATHS.ringcentralEvents}`;
  const info = await api.create(address, token, SUBSCRIPTION_TTL_SEC, CALL);
  const now = services.now();
  const expiresAt = expiryOf(info, now);
  const stored = await services.subscriptions.saveCreated(
    member,
    expected,
    {
      subscriptionId: info.id,
      tokenHash: tokenHash(token),
      expiresAt,
      nextCheckAt: nextCheck(expiresAt, now, checkEveryMs),
    },
    now,
  );
  // The member unlinked (or another process won) meanwhile: this one is nobody's.
  if (!stored) await api.remove(info.id, CALL).catch(() => undefined);
  else
    services.logger.info(
      { teamId: member.teamId, userId: member.userId },
      'RingCentral events subscribed',
    );
}

function expiryOf(info: SubscriptionInfo, now: number): number {
  const at = Date.parse(info.expirationTime);
  return Number.isFinite(at) ? at : now + SUBSCRIPTION_TTL_SEC * 1000;
}

/** One due row: make it, check it, renew it, or make it again when RingCentral let it go. */
async function upkeepOne(
  services: Services,
  row: EventSubscription,
  checkEveryMs: number,
): Promise<string> {
  const link = await services.links.getLink(row);
  if (
    !link ||
    link.identity.extensionId !== row.extensionId ||
    link.identity.accountId !== row.accountId
  ) {
    // Unlinked, or relinked to another extension: the old subscription had that one's token.
    await services.subscriptions.remove(row, row.subscriptionId);
    return 'dropped';
  }
  if (link.status !== 'active') return 'waiting';
  if (row.subscriptionId === null) {
    await create(services, row, null, checkEveryMs);
    return 'created';
  }
  const api = await apiFor(services, row);
  const info = await api.read(row.subscriptionId, CALL);
  if (info?.status !== 'Active') {
    // RingCentral dropped it, or blacklisted it after failed deliveries: delete, then make anew.
    if (info) await api.remove(row.subscriptionId, CALL);
    services.logger.warn(
      { teamId: row.teamId, userId: row.userId, status: info?.status ?? 'gone' },
      'RingCentral event subscription lost; making it again',
    );
    await create(services, row, row.subscriptionId, checkEveryMs);
    return 'recreated';
  }
  const now = services.now();
  let expiresAt = expiryOf(info, now);
  if (renewDue(Math.min(expiresAt, row.expiresAt ?? expiresAt), now)) {
    const renewed = await api.renew(row.subscriptionId, SUBSCRIPTION_TTL_SEC, CALL);
    if (!renewed) {
      await create(services, row, row.subscriptionId, checkEveryMs);
      return 'recreated';
    }
    expiresAt = expiryOf(renewed, now);
    await services.subscriptions.reschedule(
      row,
      row.subscriptionId,
      nextCheck(expiresAt, now, checkEveryMs),
      now,
      expiresAt,
    );
    return 'renewed';
  }
  await services.subscriptions.reschedule(
    row,
    row.subscriptionId,
    nextCheck(expiresAt, now, checkEveryMs),
    now,
    expiresAt,
  );
  return 'checked';
}

/**
 * Each minute: a subscription for every active link that has none, and for each one due, a
 * check that RingCentral still has it active (made again when dropped or blacklisted) and a
 * renewal before it expires. A row is claimed first, so one process works on it; a failure
 * (rate budget, RingCentral down) is retried when the claim runs out.
 */
export function subscriptionUpkeep(timing: SubscriptionTiming = {}): UpkeepTask {
  const checkEveryMs = timing.checkEveryMs ?? CHECK_EVERY_MS;
  return async (services) => {
    const done: Record<string, number> = {};
    if (services.config.ringcentralEvents !== 'webhook') return done;
    const count = (what: string) => {
      done[what] = (done[what] ?? 0) + 1;
    };
    const now = services.now();
    const attempt = async (member: MemberKey, work: () => Promise<string>) => {
      try {
        count(await work());
      } catch (error) {
        count('failed');
        services.logger.warn(
          { teamId: member.teamId, userId: member.userId, message: (error as Error).message },
          'RingCentral event subscription upkeep failed; retrying later',
        );
      }
    };
    // A pending row first, so one process makes it; a failed attempt is retried once the
    // claim runs out, as a due row.
    for (const link of await services.subscriptions.linksWithout(BATCH)) {
      if (!(await services.subscriptions.claimNew(link, link, now, now + LEASE_MS))) continue;
      await attempt(link, async () => {
        await create(services, link, null, checkEveryMs);
        return 'created';
      });
    }
    for (const row of await services.subscriptions.due(now, BATCH)) {
      if (!(await services.subscriptions.claimDue(row, now + LEASE_MS, now))) continue;
      await attempt(row, () => upkeepOne(services, row, checkEveryMs));
    }
    return done;
  };
}

/**
 * Unlinking: deletes the member's subscription at RingCentral with their token while it still
 * works, and the row. Errors are ignored: RingCentral lets an unanswered webhook go by itself.
 */
export async function removeEventSubscription(
  services: Services,
  member: MemberKey,
): Promise<void> {
  const row = await services.subscriptions.get(member);
  if (!row) return;
  await services.subscriptions.remove(member);
  if (!row.subscriptionId) return;
  try {
    await (await apiFor(services, member)).remove(row.subscriptionId, CALL);
  } catch (error) {
    services.logger.debug(
      { message: (error as Error).message },
      'subscription not deleted at RingCentral',
    );
  }
}
