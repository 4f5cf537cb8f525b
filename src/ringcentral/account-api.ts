import { AccountCalls, type ListOptions, MAX_PER_PAGE, pathOf } from './account-calls';
import { RATE_GROUPS } from './rate-groups';
import { checkedPage, SHAPES } from './shapes';
import type {
  AccountRecord,
  BatchPart,
  CallFlipNumberRecord,
  DirectoryEntryRecord,
  ExtensionRecord,
  FeatureRecord,
  ForwardingNumberRecord,
  ForwardingTargetRecord,
  Paged,
  PhoneNumberRecord,
  PhoneNumberV2Record,
  PresenceRecord,
} from './types';
import type { CallOptions } from './user-session';

export { type ListOptions, type ListProgress, MAX_PER_PAGE } from './account-calls';

const V1 = '/restapi/v1.0/account/{accountId}';
const V2 = '/restapi/v2/accounts/{accountId}';
/** RingCentral answers at most 30 extensions' presence in one batch request. */
export const MAX_PRESENCE_BATCH = 30;

/**
 * Typed calls to RingCentral's Account API, made as one identity. Each names its operation as
 * the spec does; the operation's rate group comes from the spec (rate-groups.ts), so the budget
 * counts the right bucket. Every answer is checked for the shape the app reads (shapes.ts), so
 * one that breaks RingCentral's schema is a clear error, not a TypeError in a renderer.
 */
export class AccountApi extends AccountCalls {
  account(options?: CallOptions): Promise<AccountRecord> {
    return this.get(V1, {}, {}, SHAPES.account, 'account', options);
  }

  extension(extensionId: string, options?: CallOptions): Promise<ExtensionRecord> {
    return this.get(
      `${V1}/extension/{extensionId}`,
      { extensionId },
      {},
      SHAPES.extension,
      'extension',
      options,
    );
  }

  /** Extensions matching RingCentral's own filters (one page of up to 1000 is plenty for these). */
  async findExtensions(
    filter: { extensionNumber?: string; email?: string },
    options?: CallOptions,
  ): Promise<ExtensionRecord[]> {
    const page = await this.getPage<Paged<ExtensionRecord>>(
      `${V1}/extension`,
      {},
      { ...filter, perPage: MAX_PER_PAGE },
      SHAPES.extension,
      options,
    );
    return page.records;
  }

  allExtensions(options?: ListOptions): Promise<ExtensionRecord[]> {
    return this.allPages(`${V1}/extension`, {}, {}, SHAPES.extension, options);
  }

  extensionNumbers(extensionId: string, options?: ListOptions): Promise<PhoneNumberRecord[]> {
    return this.allPages(
      `${V1}/extension/{extensionId}/phone-number`,
      { extensionId },
      {},
      SHAPES.phoneNumber,
      options,
    );
  }

  /** The account's company-level numbers (main, additional, company, fax): administrators (Heavy). */
  async companyNumbers(options?: CallOptions): Promise<PhoneNumberRecord[]> {
    const usageType = [
      'MainCompanyNumber',
      'AdditionalCompanyNumber',
      'CompanyNumber',
      'CompanyFaxNumber',
    ];
    const query = { usageType, perPage: MAX_PER_PAGE };
    const page = await this.getPage<Paged<PhoneNumberRecord>>(
      `${V1}/phone-number`,
      {},
      query,
      SHAPES.phoneNumber,
      options,
    );
    return page.records;
  }

  /** One targeted query by E.164 pattern (`+16503316252` or `+165033*`): administrators (Heavy). */
  async numbersMatching(pattern: string, options?: CallOptions): Promise<PhoneNumberV2Record[]> {
    const query = { phoneNumber: pattern, perPage: MAX_PER_PAGE };
    const page = await this.getPage<Paged<PhoneNumberV2Record>>(
      `${V2}/phone-numbers`,
      {},
      query,
      SHAPES.phoneNumberV2,
      options,
    );
    return page.records;
  }

  /** Every number matching an E.164 pattern with `*` wildcards (`+1650*`), paged: admins (Heavy). */
  allNumbersMatching(pattern: string, options?: ListOptions): Promise<PhoneNumberV2Record[]> {
    return this.allPages(
      `${V2}/phone-numbers`,
      {},
      { phoneNumber: pattern },
      SHAPES.phoneNumberV2,
      options,
    );
  }

  /** The v1.0 forwarding and call-flip list: extensions on the old call-handling backend. */
  forwardingNumbers(extensionId: string, options?: ListOptions): Promise<ForwardingNumberRecord[]> {
    return this.allPages(
      `${V1}/extension/{extensionId}/forwarding-number`,
      { extensionId },
      {},
      SHAPES.forwardingNumber,
      options,
    );
  }

  /** The extension's features of these ids (`NewCallHandlingAndForwarding` and the like). */
  async features(
    extensionId: string,
    featureId: string[],
    options?: CallOptions,
  ): Promise<FeatureRecord[]> {
    const list = await this.getPage<{ records?: FeatureRecord[] }>(
      `${V1}/extension/{extensionId}/features`,
      { extensionId },
      { featureId },
      SHAPES.feature,
      options,
    );
    return list.records ?? [];
  }

  /** The call-flip list on the new call-handling backend (up to 10 numbers, one request). */
  async callFlipNumbers(
    extensionId: string,
    options?: CallOptions,
  ): Promise<CallFlipNumberRecord[]> {
    const list = await this.getPage<{ records?: CallFlipNumberRecord[] }>(
      `${V2}/extensions/{extensionId}/call-flip-numbers`,
      { extensionId },
      {},
      SHAPES.callFlipNumber,
      options,
    );
    return list.records ?? [];
  }

  /** Where calls may be forwarded, on the new call-handling backend (paged). */
  forwardingTargets(extensionId: string, options?: ListOptions): Promise<ForwardingTargetRecord[]> {
    return this.allPages(
      `${V2}/extensions/{extensionId}/comm-handling/voice/forwarding-targets`,
      { extensionId },
      {},
      SHAPES.forwardingTarget,
      options,
    );
  }

  /**
   * The company directory a page at a time, each record checked and converted by `map` as it
   * is parsed: raw records then die young instead of all 10 pages' surviving to the end, which
   * keeps garbage-collection pauses short (their length follows what survives).
   */
  directoryPages<T>(map: (entry: DirectoryEntryRecord) => T, options?: ListOptions) {
    return this.pages(`${V1}/directory/entries`, SHAPES.directoryEntry, map, options);
  }

  /** The extension list a page at a time (see `directoryPages`). */
  extensionPages<T>(map: (record: ExtensionRecord) => T, options?: ListOptions) {
    return this.pages(`${V1}/extension`, SHAPES.extension, map, options);
  }

  /** Every number of the account a page at a time (see `directoryPages`): admins (Heavy). */
  accountNumberPages<T>(map: (record: PhoneNumberRecord) => T, options?: ListOptions) {
    return this.pages(`${V1}/phone-number`, SHAPES.phoneNumber, map, options);
  }

  /**
   * Directory entries matching a text in the chosen fields (Heavy): one page of up to 1000,
   * with the paging that says whether there were more.
   */
  async searchDirectory(
    searchString: string,
    searchFields: string[],
    options?: CallOptions,
  ): Promise<Paged<DirectoryEntryRecord>> {
    const template = `${V1}/directory/entries/search` as const;
    const answer = await this.http.post<unknown>(
      pathOf(template),
      { searchString, searchFields, page: 1, perPage: MAX_PER_PAGE },
      RATE_GROUPS[`POST ${template}`],
      options,
    );
    return checkedPage(SHAPES.directoryEntry, answer, 'directory search');
  }

  /**
   * Presence of up to 30 extensions in one Light request (RingCentral's batch syntax: ids
   * joined by commas), each with its own status, in the order asked. Needs the app permission
   * ReadPresence.
   */
  async presence(
    extensionIds: string[],
    options?: CallOptions,
  ): Promise<Array<BatchPart<PresenceRecord>>> {
    if (extensionIds.length === 0 || extensionIds.length > MAX_PRESENCE_BATCH) {
      throw new Error(`presence is asked for 1 to ${MAX_PRESENCE_BATCH} extensions at a time`);
    }
    const template = `${V1}/extension/{extensionId}/presence` as const;
    const ids = extensionIds.map((id) => encodeURIComponent(id)).join(',');
    const path = `${pathOf(`${V1}/extension`)}/${ids}/presence`;
    const group = RATE_GROUPS[`GET ${template}`];
    if (extensionIds.length > 1)
      return this.http.getBatch<PresenceRecord>(path, {}, group, options);
    return this.http
      .get<PresenceRecord>(path, {}, group, options)
      .then((body) => [{ status: 200, body }]);
  }
}
