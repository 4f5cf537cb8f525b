import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { receiveRingCentralEvent } from '../flows/ringcentral-event';
import { PATHS } from '../paths';
import type { Services } from '../services';
import { BodyTooLarge, readBodyBytes } from './form-body';

/** RingCentral's events are a few hundred bytes; nothing it sends comes near this. */
const MAX_BODY_BYTES = 64 * 1024;
/** A validation token RingCentral sends is a UUID; anything else is not echoed. */
const VALIDATION_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** An unknown subscription and a wrong token answer alike: a caller learns no subscription id. */
const STATUS = { accepted: 200, unknown_subscription: 401, refused: 401 } as const;

/**
 * `POST /ringcentral/events`: RingCentral's webhook. A request with a `Validation-Token` header is
 * the check RingCentral makes while a subscription is being created: the token is echoed back
 * and nothing else happens. Every other request must be an event of a subscription this app made,
 * with that subscription's `Verification-Token`; otherwise it gets 4xx and changes nothing.
 */
export function ringcentralEventsRoute(services: Services): CustomRoute {
  return {
    path: PATHS.ringcentralEvents,
    method: ['POST'],
    handler: (req, res) => {
      handle(services, req, res).catch((error) => {
        services.logger.error({ message: (error as Error).message }, 'RingCentral event failed');
        if (!res.headersSent) answer(res, 500);
      });
    },
  };
}

async function handle(services: Services, req: IncomingMessage, res: ServerResponse) {
  const validation = header(req, 'validation-token');
  if (validation !== null) {
    req.resume();
    if (!VALIDATION_TOKEN.test(validation)) return answer(res, 400);
    return answer(res, 200, { 'Validation-Token': validation });
  }
  let body: unknown;
  try {
    body = JSON.parse((await readBodyBytes(req, MAX_BODY_BYTES)).toString('utf8'));
  } catch (error) {
    services.counters.add('ringcentral_events_refused');
    if (!(error instanceof BodyTooLarge)) return answer(res, 400);
    // Not read to its end: the connection goes once the refusal is out.
    res.on('finish', () => req.destroy());
    return answer(res, 413, { Connection: 'close' });
  }
  const subscriptionId = (body as { subscriptionId?: unknown } | null)?.subscriptionId;
  const outcome = await receiveRingCentralEvent(services, {
    subscriptionId: typeof subscriptionId === 'string' ? subscriptionId : null,
    verificationToken: header(req, 'verification-token'),
  });
  answer(res, STATUS[outcome]);
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Length': '0', 'Cache-Control': 'no-store', ...headers });
  res.end();
}
