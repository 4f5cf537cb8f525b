/**
 * The HTTP requests the app sends (RingCentral's API, Slack's response_urls), through undici's
 * request API instead of Node's fetch. fetch costs two to ten times the CPU per request (web
 * streams, abort signals and header objects around every body), and that CPU is taken from the
 * event loop that acknowledges Slack's requests: under a burst of cold lookups it was a third
 * of the loop's work.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'undici';

export interface OutboundRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The deadline of the whole exchange, body included: a hang mid-body is a hang too. */
  timeoutMs: number;
}

export interface OutboundAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Sends one request and reads its whole answer. Fails like fetch: a `TimeoutError` past the
 * deadline, another error when the server cannot be reached; never for an HTTP status.
 */
export async function sendRequest(
  url: string | URL,
  outbound: OutboundRequest,
): Promise<OutboundAnswer> {
  // A timer of our own rather than AbortSignal.timeout: cleared as soon as the answer is in,
  // where the signal's would stay armed for the whole deadline after every request of a burst.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out', 'TimeoutError')),
    outbound.timeoutMs,
  );
  timer.unref();
  try {
    const answer = await request(url, {
      method: outbound.method as 'GET',
      headers: outbound.headers,
      body: outbound.body,
      signal: controller.signal,
    });
    const bytes = new Uint8Array(await answer.body.arrayBuffer());
    return { status: answer.statusCode, headers: answer.headers, bytes };
  } finally {
    clearTimeout(timer);
  }
}

/** Statuses whose answer has no body (a Response refuses one for them). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch for the RingCentral SDK, which builds a Request and reads a Response: the same web
 * classes in and out, sent through `sendRequest`. Redirects are not followed (neither API
 * redirects), so a 3xx reaches the caller as it came.
 */
export function fetchThroughUndici(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const outgoing = input instanceof Request && !init ? input : new Request(input, init);
    const headers: Record<string, string> = {};
    outgoing.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = outgoing.body ? new Uint8Array(await outgoing.arrayBuffer()) : undefined;
    const answer = await sendRequest(outgoing.url, {
      method: outgoing.method,
      headers,
      body,
      timeoutMs,
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const one of value) responseHeaders.append(name, one);
      else if (value !== undefined) responseHeaders.append(name, value);
    }
    if (NULL_BODY.has(answer.status)) {
      return new Response(null, { status: answer.status, headers: responseHeaders });
    }
    const response = new Response(lazyBody(answer.bytes), {
      status: answer.status,
      headers: responseHeaders,
    });
    bodies.set(response, answer.bytes);
    return response;
  };
}

/**
 * A body that hands over `bytes` only when read: a Response made from the bytes themselves would
 * copy them at once, also for the listing pages whose bytes `takeBody` takes unread.
 */
function lazyBody(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** The bytes each Response made by `fetchThroughUndici` was built from, until taken. */
const bodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/**
 * A Response's whole body as an ArrayBuffer of the caller's own (free to transfer to a worker).
 * For a Response from `fetchThroughUndici` not read yet, the bytes it was built from: a listing
 * page is spared the web-stream read and its two copies of half a megabyte, and with them the
 * collections that external memory forces on the main thread.
 */
export async function takeBody(response: Response): Promise<ArrayBuffer> {
  const bytes = bodies.get(response);
  bodies.delete(response);
  if (!bytes || response.bodyUsed) return response.arrayBuffer();
  // The bytes are the caller's now: the Response reads as used from here on.
  await response.body?.cancel();
  return bytes.buffer;
}
