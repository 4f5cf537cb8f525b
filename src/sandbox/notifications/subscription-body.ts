/**
 * The body of `POST /restapi/v1.0/subscription` and `PUT …/{id}`, checked as the spec's
 * CreateSubscriptionRequest and UpdateSubscriptionRequest have it: `eventFilters` (at least one
 * non-empty string), `expiresIn` (an integer from 1), and for creation a WebHook `deliveryMode`
 * with an `address` URI and an optional `verificationToken`. WebSocket subscriptions are made over
 * the WebSocket itself (src/sandbox/notifications/ws-gateway.ts), with the same body but a
 * `WebSocket` delivery mode and no address; the HTTP route refuses that mode, as RingCentral does.
 */
import { apiError, invalidParameter } from '../http/errors';

/** The longest WebHook lifetime RingCentral allows (10 years). */
export const MAX_WEBHOOK_TTL_SEC = 315_360_000;
/** What RingCentral gives a WebHook subscription that asks for no lifetime: about a week. */
export const DEFAULT_WEBHOOK_TTL_SEC = 604_800;

export interface SubscriptionRequest {
  eventFilters?: string[];
  expiresIn?: number;
  address?: string;
  verificationToken?: string;
}

function readJson(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(raw);
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      return body as Record<string, unknown>;
    }
  } catch {
    // Answered below, as RingCentral does for any body it cannot read.
  }
  throw apiError(400, 'CMN-103', "JSON can't be parsed.");
}

function filters(value: unknown, required: boolean): string[] | undefined {
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    if (value === undefined) {
      throw apiError(400, 'CMN-100', 'Mandatory parameter [eventFilters] not specified.', {
        parameterName: 'eventFilters',
      });
    }
    throw invalidParameter('eventFilters');
  }
  for (const item of value) {
    if (typeof item !== 'string' || item === '') throw invalidParameter('eventFilters');
  }
  return value as string[];
}

function lifetime(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2 ** 31 - 1) {
    throw invalidParameter('expiresIn', String(value));
  }
  return value;
}

/** PUT: both fields optional (an empty body just renews). */
export function updateRequest(raw: string): SubscriptionRequest {
  const body = readJson(raw);
  return { eventFilters: filters(body.eventFilters, false), expiresIn: lifetime(body.expiresIn) };
}

/** POST: filters and a delivery mode of the transport asked for are required. */
export function createRequest(
  raw: string,
  transport: 'WebHook' | 'WebSocket' = 'WebHook',
): SubscriptionRequest {
  const body = readJson(raw);
  const eventFilters = filters(body.eventFilters, true);
  const mode = body.deliveryMode as Record<string, unknown> | undefined;
  if (!mode || typeof mode !== 'object') {
    throw apiError(400, 'CMN-100', 'Mandatory parameter [deliveryMode] not specified.', {
      parameterName: 'deliveryMode',
    });
  }
  if (mode.transportType !== transport) {
    throw invalidParameter('deliveryMode.transportType', String(mode.transportType));
  }
  if (transport === 'WebSocket') return { eventFilters, expiresIn: lifetime(body.expiresIn) };
  const address = mode.address;
  if (typeof address !== 'string' || !/^https?:\/\/[^\s/]+/.test(address)) {
    throw invalidParameter('deliveryMode.address', String(address));
  }
  const token = mode.verificationToken;
  if (token !== undefined && typeof token !== 'string') {
    throw invalidParameter('deliveryMode.verificationToken');
  }
  return {
    eventFilters,
    expiresIn: lifetime(body.expiresIn),
    address,
    ...(token === undefined ? {} : { verificationToken: token }),
  };
}
