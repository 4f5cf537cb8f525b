/**
 * RingCentral's answer to a batch request: `207 Multi-Status`, `multipart/mixed`, a first part
 * listing each resource's status, then one part per resource in the order asked (RingCentral's
 * "Batch Requests" guide). A route returns a MultipartAnswer; everything else is sent as JSON.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from './io';

export interface AnswerPart {
  /** The resource's URI, for the status part's `href`. */
  href: string;
  status: number;
  body: unknown;
}

export class MultipartAnswer {
  constructor(readonly parts: AnswerPart[]) {}
}

const DESCRIPTIONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
};

/** Sends what a route returned: a batch as multipart/mixed, anything else as JSON (200). */
export function sendAnswer(
  res: ServerResponse,
  result: unknown,
  headers: Record<string, string>,
): void {
  if (!(result instanceof MultipartAnswer)) {
    sendJson(res, 200, result, headers);
    return;
  }
  const boundary = `Boundary_${randomBytes(12).toString('hex')}`;
  const statuses = {
    response: result.parts.map((part) => ({
      href: part.href,
      status: part.status,
      responseDescription: DESCRIPTIONS[part.status] ?? 'Error',
    })),
  };
  const text = [statuses, ...result.parts.map((part) => part.body)]
    .map(
      (body) =>
        `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n`,
    )
    .join('')
    .concat(`--${boundary}--\r\n`);
  res.writeHead(207, {
    ...headers,
    'Content-Type': `multipart/mixed; boundary=${boundary}`,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
