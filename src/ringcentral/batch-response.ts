/**
 * RingCentral's answer to a batch request (ids joined by commas in the path): `207 Multi-Status`
 * with a `multipart/mixed` body whose first part lists each resource's status
 * (`{"response":[{"status":200},…]}`) and whose next parts are the resources, in the order
 * asked. A request for one id is answered as an ordinary JSON resource.
 */
import { notJsonError } from './api-errors';
import type { BatchPart } from './types';

interface StatusPart {
  response?: Array<{ status?: number }>;
}

/** Each resource of the answer, whatever form it came in. Throws on a malformed body. */
export async function readBatchParts<T>(response: Response): Promise<Array<BatchPart<T>>> {
  const type = response.headers.get('content-type') ?? '';
  if (!/^multipart\/mixed/i.test(type)) {
    return [{ status: response.status, body: (await response.json()) as T }];
  }
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) throw new Error('RingCentral sent a multipart answer without a boundary');
  const parts = (await response.text())
    .split(`--${boundary}`)
    .map((part) => part.replace(/\r\n/g, '\n'))
    .filter((part) => part.trim() !== '' && part.trim() !== '--');
  const [head, ...resources] = parts.map(bodyOf);
  const statuses = (JSON.parse(head ?? '{}') as StatusPart).response ?? [];
  return resources.map((body, i) => ({
    status: statuses[i]?.status ?? 0,
    body: parseOrNull<T>(body),
  }));
}

/**
 * `readBatchParts` as the session reads an answer (`CallOptions.readBody`): each part parsed once,
 * straight from RingCentral's bytes, after the answer's status and rate-limit headers are counted
 * like any other's. An answer that cannot be read is RingCentral's fault, said as such.
 */
export async function readBatchAnswer<T>(response: Response): Promise<Array<BatchPart<T>>> {
  try {
    return await readBatchParts<T>(response);
  } catch {
    throw notJsonError(response.status);
  }
}

/** A part is MIME headers, a blank line, then its body. */
function bodyOf(part: string): string {
  const split = part.indexOf('\n\n');
  return (split < 0 ? part : part.slice(split + 2)).trim();
}

function parseOrNull<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
