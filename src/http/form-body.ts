import type { IncomingMessage } from 'node:http';

/** Thrown when a body is larger than the route accepts. */
export class BodyTooLarge extends Error {
  constructor(limit: number) {
    super(`body over ${limit} bytes`);
  }
}

/**
 * Reads a raw Node request's body, as Bolt hands its custom routes the request unread. Reading
 * stops at `limit` bytes, so a client cannot make the process buffer an arbitrarily large body;
 * the request is then left paused, for the route to drain it or close the connection.
 */
export function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.pause();
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
        req.pause();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks));
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

/** An `application/x-www-form-urlencoded` body; one too large is drained for the answer. */
export async function readFormBody(req: IncomingMessage, limit: number): Promise<URLSearchParams> {
  try {
    return new URLSearchParams((await readBodyBytes(req, limit)).toString('utf8'));
  } catch (error) {
    // Drain the rest without keeping it.
    req.resume();
    throw error;
  }
}
