/**
 * Failures a test asks for: the next N matching requests answer with the given status and a
 * RingCentral error body instead of being served. Also answers held back on their way: served
 * (token checked, data read) when they arrive, sent only when the test releases them.
 */
import { apiError, oauthError, type RcHttpError } from '../http/errors';

/**
 * How a faulty request is answered: `status` (the default) with `status` and a RingCentral error
 * body; `hang`, nothing at all (the connection is closed after `delayMs`, default 60 s);
 * `reset`, the connection closed without an answer; `malformed`, a 200 whose body is not JSON;
 * `body`, a 200 with `body` as its JSON. Two kinds serve the request first (so a token request
 * does rotate the pair) and only then fail its answer: `slow` answers `delayMs` late, `lost`
 * resets the connection instead of answering.
 */
export type FaultKind = 'status' | 'hang' | 'reset' | 'malformed' | 'body' | 'slow' | 'lost';

export interface FaultSpec {
  kind?: FaultKind;
  /** For `status` faults (default 500). */
  status?: number;
  /** For `body` faults: the JSON a 200 carries. */
  body?: unknown;
  /** For `hang` and `slow` faults. */
  delayMs?: number;
  errorCode?: string;
  retryAfterSec?: number;
  /** How many requests fail (default 1). */
  count?: number;
  /** Requests whose path matches; without it, any Account API request (not OAuth). */
  path?: RegExp;
}

const DEFAULTS: Record<number, [string, string]> = {
  400: ['CMN-101', 'Parameter value is invalid.'],
  401: ['TokenInvalid', 'Access token corrupted'],
  403: ['CMN-408', 'In order to call this API endpoint, user needs to have permission.'],
  404: ['CMN-102', 'Resource is not found'],
  429: ['CMN-301', 'Request rate exceeded'],
  500: ['CMN-202', 'Internal server error'],
  502: ['AGW-502', 'Bad gateway'],
  503: ['CMN-201', 'Service temporary unavailable'],
  504: ['AGW-504', 'Gateway timeout'],
};

interface Pending {
  spec: FaultSpec;
  left: number;
}

/** The answer to one request, served but held back until the test lets it go. */
export interface HeldAnswer {
  /** Resolves once a matching request has been served and its answer is waiting. */
  reached: Promise<void>;
  /** Sends the answer (at once, if the request comes later). */
  release(): void;
}

interface Hold {
  path: RegExp;
  arrived: () => void;
  released: Promise<void>;
}

export class FaultQueue {
  delayMs = 0;
  private readonly queue: Pending[] = [];
  private readonly holds: Hold[] = [];

  next(spec: FaultSpec): void {
    this.queue.push({ spec, left: Math.max(1, spec.count ?? 1) });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** Holds back the answer to the next Account API request whose path matches. */
  hold(path: RegExp): HeldAnswer {
    let arrived: () => void = () => undefined;
    let release: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ path, arrived, released });
    return { reached, release };
  }

  /** Waits while this request's answer is held (uses the hold up). */
  async held(path: string): Promise<void> {
    const index = this.holds.findIndex((hold) => hold.path.test(path));
    const hold = this.holds[index];
    if (!hold) return;
    this.holds.splice(index, 1);
    hold.arrived();
    await hold.released;
  }

  /** The fault this request must answer with, if one is queued for it (and uses it up). */
  take(path: string, isApi: boolean): TakenFault | null {
    const index = this.queue.findIndex((p) => (p.spec.path ? p.spec.path.test(path) : isApi));
    const pending = this.queue[index];
    if (!pending) return null;
    pending.left -= 1;
    if (pending.left <= 0) this.queue.splice(index, 1);
    const spec = pending.spec;
    switch (spec.kind ?? 'status') {
      case 'status':
        return { kind: 'status', error: statusError(spec, path, isApi) };
      case 'hang':
        return { kind: 'hang', delayMs: spec.delayMs ?? 60_000 };
      case 'slow':
        return { kind: 'slow', delayMs: spec.delayMs ?? 1_000 };
      case 'body':
        return { kind: 'body', body: spec.body ?? {} };
      default:
        return { kind: spec.kind as 'reset' | 'malformed' | 'lost' };
    }
  }
}

export type TakenFault =
  | { kind: 'status'; error: RcHttpError }
  | { kind: 'hang' | 'slow'; delayMs: number }
  | { kind: 'body'; body: unknown }
  | { kind: 'reset' | 'malformed' | 'lost' };

function statusError(spec: FaultSpec, path: string, isApi: boolean): RcHttpError {
  const { errorCode, retryAfterSec } = spec;
  const status = spec.status ?? 500;
  // A 400/401 from the OAuth endpoints has the OAuth shape (`error`, `error_description`).
  if (!isApi && path.startsWith('/restapi/oauth/') && (status === 400 || status === 401)) {
    return status === 400
      ? oauthError(400, 'invalid_grant', errorCode ?? 'OAU-210', 'Invalid token')
      : oauthError(401, 'invalid_client', errorCode ?? 'OAU-153', 'Invalid client');
  }
  const [defaultCode, message] = DEFAULTS[status] ?? ['CMN-000', `HTTP ${status}`];
  const code = errorCode ?? defaultCode;
  const headers: Record<string, string> = {};
  const retryAfter = retryAfterSec ?? (status === 429 ? 60 : undefined);
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  // RingCentral's 429 says nothing is left in the window; Retry-After says when to come back.
  if (status === 429) headers['X-Rate-Limit-Remaining'] = '0';
  return apiError(status, code, message, {}, headers);
}
