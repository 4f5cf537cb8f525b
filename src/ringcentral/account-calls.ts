import { type Operation, RATE_GROUPS } from './rate-groups';
import { checked, checkedPage, type Shape } from './shapes';
import type { Paged } from './types';
import type { CallOptions, Query, RingCentralHttp } from './user-session';

/** RingCentral's largest page: fewer requests for the same listing. */
export const MAX_PER_PAGE = 1000;

export interface ListProgress {
  page: number;
  totalPages: number;
}

export interface ListOptions extends CallOptions {
  onPage?: (progress: ListProgress) => void;
}

export type GetOperation = Extract<Operation, `GET ${string}`>;
export type Template<Op extends GetOperation> = Op extends `GET ${infer Path}` ? Path : never;

/** The path of an operation, its `{name}`s filled in (the account is always the token's). */
export function pathOf(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = name === 'accountId' ? '~' : params[name];
    if (value === undefined) throw new Error(`No ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/**
 * How the Account API's calls are made: an operation of the spec, its path filled in, its rate
 * group from the spec, its answer checked for the shape the app reads, listings paged.
 */
export class AccountCalls {
  constructor(readonly http: RingCentralHttp) {}

  /** One record, checked against `shape`. */
  protected async get<T>(
    template: Template<GetOperation>,
    params: Record<string, string>,
    query: Query,
    shape: Shape,
    where: string,
    options?: CallOptions,
  ): Promise<T> {
    return checked<T>(shape, await this.raw(template, params, query, options), where);
  }

  /** One page of records, each checked against `shape`. */
  protected async getPage<T>(
    template: Template<GetOperation>,
    params: Record<string, string>,
    query: Query,
    shape: Shape,
    options?: CallOptions,
  ): Promise<T> {
    const answer = await this.raw(template, params, query, options);
    return checkedPage<T>(shape, answer, template.split('/').pop() ?? 'listing');
  }

  protected raw(
    template: Template<GetOperation>,
    params: Record<string, string>,
    query: Query,
    options?: CallOptions,
  ): Promise<unknown> {
    const group = RATE_GROUPS[`GET ${template}`];
    return this.http.get<unknown>(pathOf(template, params), query, group, options);
  }

  /** Pages in order; the next one is asked for while the caller converts this one. */
  protected async *pages<R, T>(
    template: Template<GetOperation>,
    shape: Shape,
    map: (record: R) => T,
    options: ListOptions = {},
  ): AsyncGenerator<T[]> {
    const where = template.split('/').pop() ?? 'listing';
    const mapRecord = (record: unknown) => map(checked<R>(shape, record, `${where} record`));
    const fetchPage = (page: number) => {
      const answer = this.raw(
        template,
        {},
        { page, perPage: MAX_PER_PAGE },
        { ...options, mapRecord },
      ) as Promise<Paged<T>>;
      // Awaited below; a caller that stops early must not leave an unhandled rejection.
      answer.catch(() => undefined);
      return answer;
    };
    let next = fetchPage(1);
    for (let page = 1; ; page++) {
      const answer = await next;
      if (!Array.isArray(answer?.records)) checkedPage(shape, answer, where);
      const totalPages = Number(answer.paging?.totalPages ?? 1);
      options.onPage?.({ page, totalPages });
      const more = page < totalPages && answer.records.length > 0;
      if (more) next = fetchPage(page + 1);
      yield answer.records;
      if (!more) return;
    }
  }

  protected async allPages<T>(
    template: Template<GetOperation>,
    params: Record<string, string>,
    query: Query,
    shape: Shape,
    options: ListOptions = {},
  ): Promise<T[]> {
    const records: T[] = [];
    for (let page = 1; ; page++) {
      const answer = await this.getPage<Paged<T>>(
        template,
        params,
        { ...query, page, perPage: MAX_PER_PAGE },
        shape,
        options,
      );
      records.push(...answer.records);
      const totalPages = answer.paging?.totalPages ?? 1;
      options.onPage?.({ page, totalPages });
      if (page >= totalPages || answer.records.length === 0) return records;
    }
  }
}
