/**
 * The sandbox's push notifications: WebHook and WebSocket subscriptions per app and extension,
 * as RingCentral keeps them. An event goes to every active subscription whose filters name it, for as long as
 * it has not expired; a subscription whose webhook keeps failing is blacklisted and gets nothing
 * more until it is deleted and made again. Only the extension (and app) that made a
 * subscription can read, renew or delete it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Caller } from '../api/context';
import type { CompanyIndex } from '../company/company-index';
import { invalidParameter, resourceNotFound } from '../http/errors';
import {
  DEFAULT_WEBHOOK_TTL_SEC,
  MAX_WEBHOOK_TTL_SEC,
  type SubscriptionRequest,
} from './subscription-body';
import { deliverEvent, validateWebhook } from './webhook-delivery';

export interface SandboxSubscription {
  id: string;
  clientId: string;
  extensionId: string;
  /** As the app gave them (`~` kept), and with `~` read as the account and extension. */
  eventFilters: string[];
  resolved: string[];
  address: string;
  verificationToken: string | undefined;
  transportType: 'WebHook' | 'WebSocket';
  /** The WebSocket session (its `wsc` token) a WebSocket subscription lives on; null for WebHook. */
  socketSession: string | null;
  createdAt: number;
  expiresAt: number;
  expiresIn: number;
  status: 'Active' | 'Blacklisted';
  blacklistedAt: number | null;
  /** Deliveries that failed in a row. */
  failures: number;
}

export interface SubscriptionOptions {
  /** Lifetimes asked for are cut to this (default 10 years, RingCentral's WebHook maximum). */
  maxTtlSec?: number;
  /** Failed deliveries in a row before the webhook is blacklisted (default 3). */
  blacklistAfter?: number;
}

const V1 = '/restapi/v1.0/account/';

/** Sends one event to a WebSocket subscription's session; false when it is gone. */
export type SocketDelivery = (subscription: SandboxSubscription, event: unknown) => boolean;

export class SubscriptionRegistry {
  readonly all = new Map<string, SandboxSubscription>();
  private readonly maxTtlSec: number;
  private readonly blacklistAfter: number;
  /** Set by the WebSocket gateway. */
  socketDelivery: SocketDelivery = () => false;

  constructor(
    private readonly index: CompanyIndex,
    options: SubscriptionOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.maxTtlSec = options.maxTtlSec ?? MAX_WEBHOOK_TTL_SEC;
    this.blacklistAfter = options.blacklistAfter ?? 3;
  }

  /** A WebHook subscription, or with `socketSession` a WebSocket one on that session. */
  async create(
    caller: Caller,
    request: SubscriptionRequest,
    socketSession: string | null = null,
  ): Promise<SandboxSubscription> {
    const filters = request.eventFilters ?? [];
    const resolved = filters.map((filter) => this.resolve(caller, filter));
    if (socketSession === null) {
      const failed = await validateWebhook(request.address ?? '');
      if (failed) throw failed;
    }
    // A WebSocket subscription lives as long as its session (the spec ignores its expiresIn).
    const ttl = socketSession === null ? this.ttl(request.expiresIn) : MAX_WEBHOOK_TTL_SEC;
    const subscription: SandboxSubscription = {
      // The spec's `subscriptionId` path parameter is at most 20 characters (its examples show
      // longer UUIDs; the parameter's rule wins): 16 hex digits.
      id: randomBytes(8).toString('hex'),
      clientId: caller.clientId,
      extensionId: caller.extension.id,
      eventFilters: filters,
      resolved,
      address: request.address ?? '',
      verificationToken: request.verificationToken,
      transportType: socketSession === null ? 'WebHook' : 'WebSocket',
      socketSession,
      createdAt: this.now(),
      expiresAt: this.now() + ttl * 1000,
      expiresIn: ttl,
      status: 'Active',
      blacklistedAt: null,
      failures: 0,
    };
    this.all.set(subscription.id, subscription);
    return subscription;
  }

  /** The caller's own subscription; expired ones are gone, as at RingCentral. */
  find(caller: Caller, id: string | undefined): SandboxSubscription {
    const found = id ? this.all.get(id) : undefined;
    if (found && found.expiresAt <= this.now()) this.all.delete(found.id);
    const live = found && this.all.has(found.id) ? found : undefined;
    if (!live || live.extensionId !== caller.extension.id || live.clientId !== caller.clientId) {
      throw resourceNotFound('subscriptionId', id);
    }
    return live;
  }

  mine(caller: Caller): SandboxSubscription[] {
    return [...this.all.values()].filter(
      (s) =>
        s.extensionId === caller.extension.id &&
        s.clientId === caller.clientId &&
        s.expiresAt > this.now(),
    );
  }

  renew(caller: Caller, id: string | undefined, request: SubscriptionRequest): SandboxSubscription {
    const subscription = this.find(caller, id);
    if (request.eventFilters) {
      subscription.resolved = request.eventFilters.map((filter) => this.resolve(caller, filter));
      subscription.eventFilters = request.eventFilters;
    }
    const ttl = this.ttl(request.expiresIn);
    subscription.expiresIn = ttl;
    subscription.expiresAt = this.now() + ttl * 1000;
    return subscription;
  }

  remove(caller: Caller, id: string | undefined): void {
    this.all.delete(this.find(caller, id).id);
  }

  /** A WebSocket session ended for good: its subscriptions go with it. */
  removeSession(socketSession: string): void {
    for (const s of this.all.values()) if (s.socketSession === socketSession) this.all.delete(s.id);
  }

  blacklist(id: string): void {
    const subscription = this.all.get(id);
    if (!subscription) throw new Error(`the sandbox has no subscription ${id}`);
    subscription.status = 'Blacklisted';
    subscription.blacklistedAt = this.now();
  }

  /** Sends one event to every live, active subscription whose filters name `eventPath`. */
  async publish(
    eventPath: string,
    body: (owner: string) => Record<string, unknown>,
  ): Promise<number> {
    const targets = [...this.all.values()].filter(
      (s) => s.status === 'Active' && s.expiresAt > this.now() && s.resolved.includes(eventPath),
    );
    const results = await Promise.all(
      targets.map(async (subscription) => {
        const event = {
          uuid: randomUUID(),
          event: eventPath,
          timestamp: new Date(this.now()).toISOString(),
          subscriptionId: subscription.id,
          body: body(subscription.extensionId),
        };
        if (subscription.transportType === 'WebSocket') {
          return this.socketDelivery(subscription, { ...event, ownerId: subscription.extensionId });
        }
        const ok = await deliverEvent(subscription.address, subscription.verificationToken, event);
        subscription.failures = ok ? 0 : subscription.failures + 1;
        if (subscription.failures >= this.blacklistAfter) this.blacklist(subscription.id);
        return ok;
      }),
    );
    return results.filter(Boolean).length;
  }

  /**
   * The filters the sandbox can notify: the account's extension list (anyone who may list
   * extensions), and one extension's own record (that extension, or an admin).
   */
  private resolve(caller: Caller, filter: string): string {
    const account = this.index.company.accountId;
    const list = new RegExp(`^${V1}(~|${account})/extension$`);
    if (list.test(filter)) return `${V1}${account}/extension`;
    const one = new RegExp(`^${V1}(~|${account})/extension/(~|\\d+)$`).exec(filter);
    if (one) {
      const extensionId = one[2] === '~' ? caller.extension.id : (one[2] ?? '');
      if (!this.index.extension(extensionId)) throw invalidParameter('eventFilters', filter);
      if (extensionId !== caller.extension.id && !caller.isAdmin) {
        throw invalidParameter('eventFilters', filter);
      }
      return `${V1}${account}/extension/${extensionId}`;
    }
    throw invalidParameter('eventFilters', filter);
  }

  private ttl(asked: number | undefined): number {
    return Math.min(asked ?? DEFAULT_WEBHOOK_TTL_SEC, this.maxTtlSec, MAX_WEBHOOK_TTL_SEC);
  }
}
