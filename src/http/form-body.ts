import type { IncomingMessage } from 'node:http';

/** Thrown when a form body is larger than the route accepts. */
export class BodyTooLarge extends Error {
  constructor(limit: number) {
    super(`form body over ${limit} bytes`);
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` body from a raw Node request, as Bolt hands its
 * custom routes the request unread. Reading stops at `limit` bytes, so a client cannot make the
 * process buffer an arbitrarily large body.
 */
export function readFormBody(req: IncomingMessage, limit: number): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        // Drain the rest without keeping it, so the answer can still be written.
        req.resume();
        reject(error);
      } else {
        resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new BodyTooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(error);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
