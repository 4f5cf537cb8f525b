import type { ServerResponse } from 'node:http';

/**
 * Headers for every page of the linking flow. The pages carry or lead to sign-in material, so
 * they are never cached, never leak their URL (which may hold a Connect token) as a referrer,
 * and may not be framed: a framed confirmation page could be clicked through by a visitor who
 * never sees whose account it names.
 */
export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
} as const;

/** A small, self-contained HTML page for the browser tab that RingCentral redirects back to. */
export function htmlPage(title: string, message: string): string {
  return htmlDocument(title, `<p>${escapeHtml(message)}</p>`);
}

/** The page around `bodyHtml`, which the caller has already escaped. */
export function htmlDocument(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · rcnumber</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d1c1d}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-bottom:0}button{font:inherit;padding:.5rem 1rem;cursor:pointer}small{color:#616061}</style>
</head>
<body><h1>${escapeHtml(title)}</h1>${bodyHtml}</body>
</html>`;
}

/** Answers a page of the linking flow with its protective headers. */
export function sendPage(
  res: ServerResponse,
  status: number,
  title: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendHtml(res, status, htmlPage(title, message), headers);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...PAGE_HEADERS, ...headers });
  res.end(html);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
