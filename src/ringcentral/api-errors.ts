import { AppError } from '../errors';
import { parseJsonSliced } from './sliced-json';

interface RingCentralErrorBody {
  errorCode?: string;
  message?: string;
  error?: string;
  error_description?: string;
  errors?: Array<{ errorCode?: string; message?: string; parameterName?: string }>;
}

/** The HTTP answer inside an error thrown by @ringcentral/sdk, when there is one. */
export function responseOf(error: unknown): Response | undefined {
  const response = (error as { response?: Partial<Response> } | null)?.response;
  return response && typeof response.status === 'number' && response.headers
    ? (response as Response)
    : undefined;
}

export async function readErrorBody(response: Response): Promise<RingCentralErrorBody> {
  try {
    return (await response.clone().json()) as RingCentralErrorBody;
  } catch {
    return {};
  }
}

/** Seconds to wait after a 429: the header, else RingCentral's advice of at least 30 s. */
export function retryAfterSeconds(response: Response): number {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value >= 0 ? value : 30;
}

/** What a member is told to wait when RingCentral did not answer (and said nothing better). */
export const UNAVAILABLE_RETRY_SEC = 30;

/** The JSON of a successful answer; a body that is not JSON (or never ends) is RingCentral's fault. */
export async function readJson<T>(
  response: Response,
  mapRecord?: (record: unknown) => unknown,
): Promise<T> {
  try {
    return (await parseJsonSliced(await response.text(), undefined, mapRecord)) as T;
  } catch (error) {
    // A record that breaks RingCentral's schema says so itself (see shapes.ts).
    if (error instanceof AppError) throw error;
    throw notJsonError(response.status);
  }
}

/** RingCentral answered with something that is not JSON: said as "did not answer, try again". */
export function notJsonError(status?: number): AppError {
  return new AppError('ringcentral_unavailable', 'RingCentral sent an answer that is not JSON', {
    ...(status === undefined ? {} : { status }),
    retryAfterSec: UNAVAILABLE_RETRY_SEC,
  });
}

/**
 * Turns a RingCentral failure into one of the app's error classes. Decisions rest on the status
 * and `errorCode`, never on the message text.
 */
export async function toAppError(error: unknown): Promise<AppError> {
  if (error instanceof AppError) return error;
  const response = responseOf(error);
  if (!response) {
    // A refused or reset connection, or a request that timed out.
    return new AppError('ringcentral_unavailable', 'RingCentral could not be reached', {
      retryAfterSec: UNAVAILABLE_RETRY_SEC,
    });
  }
  const body = await readErrorBody(response);
  const code = body.errorCode ?? body.errors?.[0]?.errorCode ?? body.error ?? 'unknown';
  const status = response.status;
  if (status === 429) {
    return new AppError('rate_limited', `RingCentral rate limit (${code})`, {
      retryAfterSec: retryAfterSeconds(response),
      status,
    });
  }
  if (status === 403) return new AppError('forbidden', `RingCentral refused (${code})`, { status });
  if (status === 404)
    return new AppError('not_found', `RingCentral: not found (${code})`, { status });
  if (status === 400 && body.error === 'invalid_grant') {
    return new AppError('link_broken', 'RingCentral refused the refresh token', {
      reason: 'RingCentral no longer accepts this link (it was revoked or expired)',
      status,
    });
  }
  if (status === 400) {
    // The app sends only what the spec allows, so a 400 is RingCentral's own refusal.
    return new AppError('ringcentral_refused', `RingCentral refused the request (${code})`, {
      status,
      errorCode: code,
    });
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new AppError('ringcentral_unavailable', `RingCentral answered ${status} (${code})`, {
    status,
    retryAfterSec: retryAfter > 0 ? retryAfter : UNAVAILABLE_RETRY_SEC,
  });
}
