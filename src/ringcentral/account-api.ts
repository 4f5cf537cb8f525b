import type {
  AccountRecord,
  DirectoryEntryRecord,
  ExtensionRecord,
  ForwardingNumberRecord,
  Paged,
  PhoneNumberRecord,
  PhoneNumberV2Record,
} from './types';
import type { CallOptions, RingCentralHttp } from './user-session';

const V1 = '/restapi/v1.0/account/~';
/** RingCentral's largest page: fewer requests for the same listing. */
export const MAX_PER_PAGE = 1000;

export interface ListProgress {
  page: number;
  totalPages: number;
}

export interface ListOptions extends CallOptions {
  onPage?: (progress: ListProgress) => void;
}

/**
 * Typed calls to RingCentral's Account API, made as one identity. Each method names its rate
 * group, as RingCentral documents it, so the budget counts the right bucket.
 */
export class AccountApi {
  constructor(readonly http: RingCentralHttp) {}

  account(options?: CallOptions): Promise<AccountRecord> {
    return this.http.get(V1, {}, 'Light', options);
  }

  extension(extensionId: string, options?: CallOptions): Promise<ExtensionRecord> {
    return this.http.get(
      `${V1}/extension/${encodeURIComponent(extensionId)}`,
      {},
      'Light',
      options,
    );
  }

  /** Extensions matching RingCentral's own filters (one page of up to 1000 is plenty for these). */
  async findExtensions(
    filter: { extensionNumber?: string; email?: string },
    options?: CallOptions,
  ): Promise<ExtensionRecord[]> {
    const page = await this.http.get<Paged<ExtensionRecord>>(
      `${V1}/extension`,
      { ...filter, perPage: MAX_PER_PAGE },
      'Medium',
      options,
    );
    return page.records;
  }

  allExtensions(options?: ListOptions): Promise<ExtensionRecord[]> {
    return this.allPages(`${V1}/extension`, {}, 'Medium', options);
  }

  extensionNumbers(extensionId: string, options?: ListOptions): Promise<PhoneNumberRecord[]> {
    return this.allPages(
      `${V1}/extension/${encodeURIComponent(extensionId)}/phone-number`,
      {},
      'Light',
      options,
    );
  }

  /** Every number of the account with its extension: administrators only (Heavy). */
  accountNumbers(options?: ListOptions): Promise<PhoneNumberRecord[]> {
    return this.allPages(`${V1}/phone-number`, {}, 'Heavy', options);
  }

  /** The account's company-level numbers (main, additional, company, fax): administrators (Heavy). */
  async companyNumbers(options?: CallOptions): Promise<PhoneNumberRecord[]> {
    const page = await this.http.get<Paged<PhoneNumberRecord>>(
      `${V1}/phone-number`,
      {
        usageType: [
          'MainCompanyNumber',
          'AdditionalCompanyNumber',
          'CompanyNumber',
          'CompanyFaxNumber',
        ],
        perPage: MAX_PER_PAGE,
      },
      'Heavy',
      options,
    );
    return page.records;
  }

  /** One targeted query by E.164 pattern (`+16503316252` or `+165033*`): administrators (Heavy). */
  async numbersMatching(pattern: string, options?: CallOptions): Promise<PhoneNumberV2Record[]> {
    const page = await this.http.get<Paged<PhoneNumberV2Record>>(
      '/restapi/v2/accounts/~/phone-numbers',
      { phoneNumber: pattern, perPage: MAX_PER_PAGE },
      'Heavy',
      options,
    );
    return page.records;
  }

  /** Every number matching an E.164 pattern with `*` wildcards (`+1650*`), paged: admins (Heavy). */
  allNumbersMatching(pattern: string, options?: ListOptions): Promise<PhoneNumberV2Record[]> {
    return this.allPages(
      '/restapi/v2/accounts/~/phone-numbers',
      { phoneNumber: pattern },
      'Heavy',
      options,
    );
  }

  forwardingNumbers(extensionId: string, options?: ListOptions): Promise<ForwardingNumberRecord[]> {
    return this.allPages(
      `${V1}/extension/${encodeURIComponent(extensionId)}/forwarding-number`,
      {},
      'Light',
      options,
    );
  }

  /** The company directory: what every user may see of everyone, numbers included (Medium). */
  directory(options?: ListOptions): Promise<DirectoryEntryRecord[]> {
    return this.allPages(`${V1}/directory/entries`, {}, 'Medium', options);
  }

  /**
   * Directory entries matching a text in the chosen fields (Heavy): one page of up to 1000,
   * with the paging that says whether there were more.
   */
  searchDirectory(
    searchString: string,
    searchFields: string[],
    options?: CallOptions,
  ): Promise<Paged<DirectoryEntryRecord>> {
    return this.http.post(
      `${V1}/directory/entries/search`,
      { searchString, searchFields, page: 1, perPage: MAX_PER_PAGE },
      'Heavy',
      options,
    );
  }

  /**
   * The company directory a page at a time, each record converted by `map` as it is parsed:
   * raw records then die young instead of all 10 pages' surviving to the end, which keeps
   * garbage collection pauses short (their length follows what survives).
   */
  directoryPages<T>(
    map: (entry: DirectoryEntryRecord) => T,
    options?: ListOptions,
  ): AsyncGenerator<T[]> {
    return this.pages(`${V1}/directory/entries`, {}, 'Medium', mapped(map, options));
  }

  /** The extension list a page at a time (see `directoryPages`). */
  extensionPages<T>(map: (record: ExtensionRecord) => T, options?: ListOptions) {
    return this.pages<T>(`${V1}/extension`, {}, 'Medium', mapped(map, options));
  }

  /** Every number of the account a page at a time (see `directoryPages`): admins (Heavy). */
  accountNumberPages<T>(map: (record: PhoneNumberRecord) => T, options?: ListOptions) {
    return this.pages<T>(`${V1}/phone-number`, {}, 'Heavy', mapped(map, options));
  }

  private async allPages<T>(
    path: string,
    query: Record<string, string>,
    group: 'Light' | 'Medium' | 'Heavy',
    options: ListOptions = {},
  ): Promise<T[]> {
    const records: T[] = [];
    for await (const page of this.pages<T>(path, query, group, options)) {
      for (const record of page) records.push(record);
    }
    return records;
  }

  /** Pages in order; the next one is asked for while the caller converts this one. */
  private async *pages<T>(
    path: string,
    query: Record<string, string>,
    group: 'Light' | 'Medium' | 'Heavy',
    options: ListOptions = {},
  ): AsyncGenerator<T[]> {
    const fetchPage = (page: number) => {
      const answer = this.http.get<Paged<T>>(
        path,
        { ...query, page, perPage: MAX_PER_PAGE },
        group,
        options,
      );
      // Awaited below; a caller that stops early must not leave an unhandled rejection.
      answer.catch(() => undefined);
      return answer;
    };
    let next = fetchPage(1);
    for (let page = 1; ; page++) {
      const answer = await next;
      const totalPages = answer.paging?.totalPages ?? 1;
      options.onPage?.({ page, totalPages });
      const more = page < totalPages && answer.records.length > 0;
      if (more) next = fetchPage(page + 1);
      yield answer.records;
      if (!more) return;
    }
  }
}

function mapped<R, T>(map: (record: R) => T, options: ListOptions = {}): ListOptions {
  return { ...options, mapRecord: map as (record: unknown) => unknown };
}
