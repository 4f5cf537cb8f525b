import { isAppError } from '../errors';
import { RATE_GROUPS } from './rate-groups';
import type { CallOptions, UserSession } from './user-session';

const BASE = '/restapi/v1.0/subscription';

/**
 * What the app listens to, under each member's own token, so RingCentral decides what that
 * member may hear: the account's extension list (extensions added or removed, contact and
 * status changes, numbers assigned or unassigned) and the member's own extension (role and
 * settings). RingCentral's spec names no event for the company directory, so none is asked for.
 */
export const EVENT_FILTERS = [
  '/restapi/v1.0/account/~/extension',
  '/restapi/v1.0/account/~/extension/~',
] as const;

/** What the app reads of RingCentral's SubscriptionInfo. */
export interface SubscriptionInfo {
  id: string;
  status: 'Active' | 'Blacklisted' | string;
  expirationTime: string;
}

/** Subscription calls made with one member's own session (their token, their rate budget). */
export class SubscriptionApi {
  constructor(private readonly session: Pick<UserSession, 'get' | 'send'>) {}

  async create(
    address: string,
    verificationToken: string,
    expiresIn: number,
    options?: CallOptions,
  ): Promise<SubscriptionInfo> {
    const body = {
      eventFilters: [...EVENT_FILTERS],
      expiresIn,
      deliveryMode: { transportType: 'WebHook', address, verificationToken },
    };
    const created = await this.session.send<SubscriptionInfo>(
      'POST',
      BASE,
      body,
      RATE_GROUPS[`POST ${BASE}`],
      options,
    );
    if (!created?.id) throw new Error('RingCentral created no subscription');
    return created;
  }

  /** The subscription as RingCentral has it now; null when RingCentral no longer has it. */
  async read(id: string, options?: CallOptions): Promise<SubscriptionInfo | null> {
    try {
      return await this.session.get<SubscriptionInfo>(
        `${BASE}/${encodeURIComponent(id)}`,
        {},
        RATE_GROUPS[`GET ${BASE}/{subscriptionId}`],
        options,
      );
    } catch (error) {
      if (isAppError(error, 'not_found')) return null;
      throw error;
    }
  }

  /** A new lifetime from now; null when RingCentral no longer has the subscription. */
  async renew(
    id: string,
    expiresIn: number,
    options?: CallOptions,
  ): Promise<SubscriptionInfo | null> {
    try {
      return (
        (await this.session.send<SubscriptionInfo>(
          'PUT',
          `${BASE}/${encodeURIComponent(id)}`,
          { eventFilters: [...EVENT_FILTERS], expiresIn },
          RATE_GROUPS[`PUT ${BASE}/{subscriptionId}`],
          options,
        )) ?? null
      );
    } catch (error) {
      if (isAppError(error, 'not_found')) return null;
      throw error;
    }
  }

  /** Deletes it; one RingCentral no longer has counts as deleted. */
  async remove(id: string, options?: CallOptions): Promise<void> {
    try {
      await this.session.send(
        'DELETE',
        `${BASE}/${encodeURIComponent(id)}`,
        undefined,
        RATE_GROUPS[`DELETE ${BASE}/{subscriptionId}`],
        options,
      );
    } catch (error) {
      if (!isAppError(error, 'not_found')) throw error;
    }
  }
}
