/**
 * Push notification subscriptions (`/restapi/v1.0/subscription`): create a WebHook one (after
 * validating its address), list, read, renew and delete one's own. Answers are the spec's
 * SubscriptionInfo; the verification token is write-only and never shown again.
 */

import { createRequest, updateRequest } from '../notifications/subscription-body';
import type { SandboxSubscription } from '../notifications/subscriptions';
import { type ApiContext, type ApiRoute, NO_CONTENT } from './context';

const BASE = '/restapi/v1.0/subscription';

export function renderSubscription(base: string, s: SandboxSubscription) {
  return {
    uri: `${base}${BASE}/${s.id}`,
    id: s.id,
    creationTime: new Date(s.createdAt).toISOString(),
    status: s.status,
    eventFilters: s.resolved,
    expirationTime: new Date(s.expiresAt).toISOString(),
    expiresIn: Math.max(0, Math.round((s.expiresAt - Date.now()) / 1000)),
    deliveryMode:
      s.transportType === 'WebSocket'
        ? { transportType: 'WebSocket', encryption: false }
        : { transportType: 'WebHook', encryption: false, address: s.address },
    ...(s.status === 'Blacklisted' && s.blacklistedAt !== null
      ? {
          blacklistedData: {
            blacklistedAt: new Date(s.blacklistedAt).toISOString(),
            reason: 'Webhook response timeout or failure',
          },
        }
      : {}),
  };
}

async function create(ctx: ApiContext) {
  const subscription = await ctx.subscriptions.create(ctx.caller, createRequest(ctx.body));
  return renderSubscription(ctx.base, subscription);
}

function list(ctx: ApiContext) {
  return {
    uri: `${ctx.base}${BASE}`,
    records: ctx.subscriptions.mine(ctx.caller).map((s) => renderSubscription(ctx.base, s)),
  };
}

function read(ctx: ApiContext, [id]: string[]) {
  return renderSubscription(ctx.base, ctx.subscriptions.find(ctx.caller, id));
}

function renew(ctx: ApiContext, [id]: string[]) {
  const renewed = ctx.subscriptions.renew(ctx.caller, id, updateRequest(ctx.body));
  return renderSubscription(ctx.base, renewed);
}

function remove(ctx: ApiContext, [id]: string[]) {
  ctx.subscriptions.remove(ctx.caller, id);
  return NO_CONTENT;
}

export const subscriptionRoutes: ApiRoute[] = [
  { operation: `POST ${BASE}`, handle: create },
  { operation: `GET ${BASE}`, handle: list },
  { operation: `GET ${BASE}/{subscriptionId}`, handle: read },
  { operation: `PUT ${BASE}/{subscriptionId}`, handle: renew },
  { operation: `DELETE ${BASE}/{subscriptionId}`, handle: remove },
];
