/**
 * How RingCentral talks to a webhook: the validation request at creation (a POST with a
 * `Validation-Token` header that the app must echo back with 200, within 3 seconds), then each
 * event as a JSON POST carrying the subscription's `Verification-Token`.
 */
import { randomUUID } from 'node:crypto';
import { apiError, type RcHttpError } from '../http/errors';

const TIMEOUT_MS = 3_000;

/** Null when the address passed RingCentral's validation; otherwise the error RingCentral gives. */
export async function validateWebhook(address: string): Promise<RcHttpError | null> {
  const token = randomUUID();
  let response: Response;
  try {
    response = await fetch(address, {
      method: 'POST',
      headers: { 'Validation-Token': token },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
  } catch {
    return apiError(400, 'SUB-521', 'WebHook is not reachable', {
      parameterName: 'deliveryMode.address',
    });
  }
  if (response.status !== 200) {
    return apiError(400, 'SUB-525', 'WebHook server response is invalid', {
      parameterName: 'deliveryMode.address',
    });
  }
  if (response.headers.get('validation-token') !== token) {
    return apiError(400, 'SUB-520', 'Validation Token is not returned');
  }
  return null;
}

/** Posts one event; true when the app answered 2xx in time. */
export async function deliverEvent(
  address: string,
  verificationToken: string | undefined,
  event: unknown,
): Promise<boolean> {
  try {
    const response = await fetch(address, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(verificationToken === undefined ? {} : { 'Verification-Token': verificationToken }),
      },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300;
  } catch {
    return false;
  }
}
