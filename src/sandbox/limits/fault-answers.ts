/**
 * How the pipeline answers a fault other than an HTTP error: it never answers, drops the
 * connection, answers garbage, or serves the request and then delays or loses the answer.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/io';
import type { TakenFault } from './faults';

/**
 * Answers `fault` on `res`. True when that was the whole answer; false when the request is to
 * be served as usual (its answer then arrives late, or never).
 */
export function answerFault(
  fault: Exclude<TakenFault, { kind: 'status' }>,
  res: ServerResponse,
  headers: Record<string, string>,
): boolean {
  switch (fault.kind) {
    case 'hang': {
      // Nothing is sent; the connection closes after a while (or when the sandbox closes).
      const timer = setTimeout(() => res.socket?.destroy(), fault.delayMs);
      timer.unref();
      res.once('close', () => clearTimeout(timer));
      return true;
    }
    case 'reset':
      res.socket?.destroy();
      return true;
    case 'malformed': {
      const text = '{"records": [{"id": 1, "phoneNumber": "+1650';
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
      return true;
    }
    case 'body':
      sendJson(res, 200, fault.body, headers);
      return true;
    case 'slow': {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        setTimeout(() => end(...args), fault.delayMs).unref();
        return res;
      }) as ServerResponse['end'];
      return false;
    }
    case 'lost':
      // Headers are only stored until the body is sent, so nothing of the answer leaves.
      res.end = (() => {
        res.socket?.destroy();
        return res;
      }) as ServerResponse['end'];
      return false;
  }
}
