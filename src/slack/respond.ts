import type { Message } from '../blocks';
import { cpuSlices } from '../cpu-slices';
import { sendRequest } from '../outbound-http';

/** How long a response_url post may take before it counts as failed. */
export const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** What a response_url said: taken, or why not (Slack's error text such as `expired_url`). */
export type ResponseUrlResult = { ok: true } | { ok: false; status: number | null; code: string };

/**
 * Posts an ephemeral reply to a response_url (a command's or a button's). `replace` swaps it in
 * for the message the button sat in. Never throws, since a response_url expires (30 minutes,
 * about five uses) and callers then choose another way.
 */
export async function sendToResponseUrl(
  responseUrl: string,
  message: Message,
  options: { replace: boolean; timeoutMs?: number },
): Promise<ResponseUrlResult> {
  try {
    // Its turn on the event loop first: building and sending the answer waits behind acks.
    await cpuSlices.next();
    const answer = await sendRequest(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        response_type: 'ephemeral',
        replace_original: options.replace,
        ...message,
      }),
      timeoutMs: options.timeoutMs ?? RESPONSE_URL_TIMEOUT_MS,
    });
    if (answer.status >= 200 && answer.status < 300) return { ok: true };
    const text = Buffer.from(answer.bytes).toString('utf8');
    return { ok: false, status: answer.status, code: text.trim().slice(0, 60) || 'http_error' };
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, status: null, code: name === 'TimeoutError' ? 'timeout' : 'unreachable' };
  }
}

/** The same, answering only whether Slack took it. */
export async function postToResponseUrl(
  responseUrl: string,
  message: Message,
  options: { replace: boolean },
): Promise<boolean> {
  return (await sendToResponseUrl(responseUrl, message, options)).ok;
}
