import { checked, checkedPage, SHAPES, type Shape } from './shapes';
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

  async account(options?: CallOptions): Promise<AccountRecord> {
    return checked(SHAPES.account, await this.http.get(V1, {}, 'Light', options), 'account');
  }

  async extension(extensionId: string, options?: CallOptions): Promise<ExtensionRecord> {
    const answer = await this.http.get(
      `${V1}/extension/${encodeURIComponent(extensionId)}`,
      {},
      'Light',
      options,
    );
    return checked(SHAPES.extension, answer, 'extension');
  }

  /** Extensions matching RingCentral's own filters (one page of up to 1000 is plenty for these). */
  async findExtensions(
    filter: { extensionNumber?: string; email?: string },
    options?: CallOptions,
  ): Promise<ExtensionRecord[]> {
    const answer = await this.http.get(
      `${V1}/extension`,
      { ...filter, perPage: MAX_PER_PAGE },
      'Medium',
      options,
    );
    return checkedPage<Paged<ExtensionRecord>>(SHAPES.extension, answer, 'extensions').records;
  }

  allExtensions(options?: ListOptions): Promise<ExtensionRecord[]> {
    return this.allPages(`${V1}/extension`, {}, 'Medium', SHAPES.extension, options);
  }

  extensionNumbers(extensionId: string, options?: ListOptions): Promise<PhoneNumberRecord[]> {
    return this.allPages(
      `${V1}/extension/${encodeURIComponent(extensionId)}/phone-number`,
      {},
      'Light',
      SHAPES.phoneNumber,
      options,
    );
  }

  /** Every number of the account with its extension: administrators only (Heavy). */
  accountNumbers(options?: ListOptions): Promise<PhoneNumberRecord[]> {
    return this.allPages(`${V1}/phone-number`, {}, 'Heavy', SHAPES.phoneNumber, options);
  }

  /** The account's company-level numbers (main, additional, company, fax): administrators (Heavy). */
  async companyNumbers(options?: CallOptions): Promise<PhoneNumberRecord[]> {
    const answer = await this.http.get(
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
    return checkedPage<Paged<PhoneNumberRecord>>(SHAPES.phoneNumber, answer, 'numbers').records;
  }

  /** One targeted query by E.164 pattern (`+16503316252` or `+165033*`): administrators (Heavy). */
  async numbersMatching(pattern: string, options?: CallOptions): Promise<PhoneNumberV2Record[]> {
    const answer = await this.http.get(
      '/restapi/v2/accounts/~/phone-numbers',
      { phoneNumber: pattern, perPage: MAX_PER_PAGE },
      'Heavy',
      options,
    );
    return checkedPage<Paged<PhoneNumberV2Record>>(SHAPES.phoneNumberV2, answer, 'numbers').records;
  }

  /** Every number matching an E.164 pattern with `*` wildcards (`+1650*`), paged: admins (Heavy). */
  allNumbersMatching(pattern: string, options?: ListOptions): Promise<PhoneNumberV2Record[]> {
    return this.allPages(
      '/restapi/v2/accounts/~/phone-numbers',
      { phoneNumber: pattern },
      'Heavy',
      SHAPES.phoneNumberV2,
      options,
    );
  }

  forwardingNumbers(extensionId: string, options?: ListOptions): Promise<ForwardingNumberRecord[]> {
    return this.allPages(
      `${V1}/extension/${encodeURIComponent(extensionId)}/forwarding-number`,
      {},
      'Light',
      SHAPES.forwardingNumber,
      options,
    );
  }

  /** The company directory: what every user may see of everyone, numbers included (Medium). */
  directory(options?: ListOptions): Promise<DirectoryEntryRecord[]> {
    return this.allPages(`${V1}/directory/entries`, {}, 'Medium', SHAPES.directoryEntry, options);
  }

  private async allPages<T>(
    path: string,
    query: Record<string, string>,
    group: 'Light' | 'Medium' | 'Heavy',
    shape: Shape,
    options: ListOptions = {},
  ): Promise<T[]> {
    const records: T[] = [];
    for (let page = 1; ; page++) {
      const raw = await this.http.get(
        path,
        { ...query, page, perPage: MAX_PER_PAGE },
        group,
        options,
      );
      const answer = checkedPage<Paged<T>>(shape, raw, path.split('/').pop() ?? 'listing');
      records.push(...answer.records);
      const totalPages = answer.paging?.totalPages ?? 1;
      options.onPage?.({ page, totalPages });
      if (page >= totalPages || answer.records.length === 0) return records;
    }
  }
}
