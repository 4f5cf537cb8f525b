/**
 * What paging and share buttons carry in their `value`: just enough for the action listener to
 * ask the directory again under the clicking user's own token. Never result data, so a button
 * cannot leak what one user saw to another. Kept short (keys of one letter) to stay far below
 * Slack's 2000-character limit, which leaves room for the signature that binds each value to the
 * member it was shown to (sign-buttons.ts); a click is parsed only once that signature held.
 */

export type PagedKind = 'lookup' | 'find';
export type ShareKind = 'lookup' | 'ext' | 'find' | 'numbers' | 'company' | 'forwarding';

/** Paging: command, query (digits for lookups, text for find), offset of the page to show. */
export interface PageValue {
  c: PagedKind;
  q: string;
  o: number;
}

/** Share: the command to run again; `q` query or extension number, `o` offset, `id` extension id. */
export interface ShareValue {
  c: ShareKind;
  q?: string;
  o?: number;
  id?: string;
}

const PAGED: readonly string[] = ['lookup', 'find'];
const SHARED: readonly string[] = ['lookup', 'ext', 'find', 'numbers', 'company', 'forwarding'];

function parseObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const isOffset = (o: unknown): o is number => Number.isSafeInteger(o) && (o as number) >= 0;

/** Reads a paging button's value; null when it is not one (tampered or from an old version). */
export function parsePageValue(value: unknown): PageValue | null {
  const object = parseObject(value);
  if (!object) return null;
  const { c, q, o } = object;
  if (typeof c !== 'string' || !PAGED.includes(c) || typeof q !== 'string' || !isOffset(o)) {
    return null;
  }
  return { c: c as PagedKind, q, o };
}

/** Reads a share button's value; null when it is not one. */
export function parseShareValue(value: unknown): ShareValue | null {
  const object = parseObject(value);
  if (!object) return null;
  const { c, q, o, id } = object;
  if (typeof c !== 'string' || !SHARED.includes(c)) return null;
  if (q !== undefined && typeof q !== 'string') return null;
  if (o !== undefined && !isOffset(o)) return null;
  if (id !== undefined && typeof id !== 'string') return null;
  const out: ShareValue = { c: c as ShareKind };
  if (q !== undefined) out.q = q;
  if (o !== undefined) out.o = o;
  if (id !== undefined) out.id = id;
  return out;
}
