/**
 * Paging as RingCentral does it: `page` is 1-based, `perPage` has a default and a maximum, and
 * anything else is refused with 400 CMN-101 naming the parameter. v1.0 lists also carry `uri`
 * and `navigation` links that keep the request's filters.
 */
import { invalidParameter } from '../http/errors';

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface Paging {
  page: number;
  totalPages: number;
  perPage: number;
  totalElements: number;
  pageStart?: number;
  pageEnd?: number;
}

/** Parses a positive integer parameter given as text or (in a JSON body) as a number. */
export function positiveInt(raw: unknown, name: string, max: number): number {
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,9}$/.test(text.trim())) {
    throw invalidParameter(name, String(raw));
  }
  const value = Number(text.trim());
  if (value < 1 || value > max) throw invalidParameter(name, String(raw));
  return value;
}

export function readPaging(
  page: unknown,
  perPage: unknown,
  limits: { defaultPerPage: number; maxPerPage: number; maxPage?: number },
): PageRequest {
  return {
    page:
      page === undefined || page === null ? 1 : positiveInt(page, 'page', limits.maxPage ?? 1e9),
    perPage:
      perPage === undefined || perPage === null
        ? limits.defaultPerPage
        : positiveInt(perPage, 'perPage', limits.maxPerPage),
  };
}

export function queryPaging(query: URLSearchParams, defaultPerPage = 100, maxPerPage = 1000) {
  return readPaging(query.get('page') ?? undefined, query.get('perPage') ?? undefined, {
    defaultPerPage,
    maxPerPage,
  });
}

export function slicePage<T>(
  items: readonly T[],
  req: PageRequest,
): { slice: T[]; paging: Paging } {
  const start = (req.page - 1) * req.perPage;
  const slice = items.slice(start, start + req.perPage);
  const paging: Paging = {
    page: req.page,
    totalPages: Math.max(1, Math.ceil(items.length / req.perPage)),
    perPage: req.perPage,
    totalElements: items.length,
  };
  if (slice.length > 0) {
    paging.pageStart = start;
    paging.pageEnd = start + slice.length - 1;
  }
  return { slice, paging };
}

/** A v1.0 list answer: `uri`, `records`, `paging` and `navigation`. */
export function v1List<T, R>(
  url: URL,
  base: string,
  items: readonly T[],
  req: PageRequest,
  render: (item: T) => R,
) {
  const { slice, paging } = slicePage(items, req);
  const link = (page: number) => {
    const q = new URLSearchParams(url.searchParams);
    q.set('page', String(page));
    q.set('perPage', String(req.perPage));
    return { uri: `${base}${url.pathname}?${q.toString()}` };
  };
  const navigation: Record<string, { uri: string }> = {
    firstPage: link(1),
    ...(req.page < paging.totalPages ? { nextPage: link(req.page + 1) } : {}),
    ...(req.page > 1 ? { previousPage: link(Math.min(req.page - 1, paging.totalPages)) } : {}),
    lastPage: link(paging.totalPages),
  };
  return { uri: link(req.page).uri, records: slice.map(render), paging, navigation };
}
