// Reading Web API requests the way Slack does: form-encoded or JSON bodies, JSON-encoded values
// inside form fields, and the token from the Authorization header or a `token` field.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiArgs } from './types';

// @slack/web-api JSON-encodes every non-scalar argument into its form field; these are the
// ones this app sends (and a few common others), decoded back so callers see objects.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'files']);

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

export function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeFormValue(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    // Left as sent: the method then answers the error Slack gives for malformed JSON.
    return value;
  }
}

export interface ParsedRequest {
  args: ApiArgs;
  token: string | undefined;
  /** Set when the body could not be read as the content type claims. */
  error?: string;
}

export function parseApiRequest(req: IncomingMessage, raw: string): ParsedRequest {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const args: ApiArgs = {};
  for (const [key, value] of url.searchParams) args[key] = decodeFormValue(key, value);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  let error: string | undefined;
  if (contentType === 'application/json') {
    try {
      const parsed: unknown = raw === '' ? {} : JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        Object.assign(args, parsed);
      } else {
        error = 'invalid_json';
      }
    } catch {
      error = 'invalid_json';
    }
  } else if (contentType === 'application/x-www-form-urlencoded' || raw === '') {
    for (const [key, value] of new URLSearchParams(raw)) args[key] = decodeFormValue(key, value);
  } else {
    error = 'invalid_form_data';
  }
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  const fieldToken = typeof args.token === 'string' ? args.token : undefined;
  delete args.token;
  return { args, token: bearer || fieldToken, ...(error ? { error } : {}) };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html' });
  res.end(body);
}
