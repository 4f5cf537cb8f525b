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
    return new Response(NULL_BODY.has(answer.status) ? null : answer.bytes, {
      status: answer.status,
      headers: responseHeaders,
    });
  };
}
