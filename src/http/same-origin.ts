import type { IncomingMessage } from 'node:http';

/**
 * Whether a form POST came from one of our own pages. A cross-site page could post a forwarded
 * token or confirmation straight to us and skip the page that names both sides. Our pages'
 * referrer policy (same-origin) makes browsers send their real Origin with the form; browsers
 * also mark where a request comes from (Sec-Fetch-Site). So only our own origin, or the
 * browser's own word that the post is same-origin, is let through. `Origin: null` (a sandboxed
 * frame, a no-referrer page elsewhere) without that word is refused, and so is a post with
 * neither header: every current browser sends Origin on a form POST, and failing closed costs
 * nothing a person would do.
 */
export function fromOwnPage(publicUrl: string, req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') return origin === new URL(publicUrl).origin;
  return site === 'same-origin';
}

/** What the refusal log line says of where a post came from. */
export function postOrigin(req: IncomingMessage): {
  origin: string | null;
  fetchSite: string | null;
} {
  const site = req.headers['sec-fetch-site'];
  return {
    origin: req.headers.origin ?? null,
    fetchSite: (Array.isArray(site) ? site[0] : site) ?? null,
  };
}

/**
 * Pages holding a form that posts back to us: same-origin, not no-referrer, because under
 * no-referrer a browser sends `Origin: null` with the form, which cannot be told from a post
 * made by a sandboxed page elsewhere. Nothing leaves our origin as a referrer either way.
 */
export const FORM_PAGE_HEADERS = { 'Referrer-Policy': 'same-origin' } as const;
