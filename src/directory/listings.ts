import type { ExtensionSummary, NumberInfo } from '../model';
import {
  type CountryCode,
  countryFromHomeCountry,
  type IndexedNumber,
  type NumberQuery,
  type PageOptions,
  PrefixIndex,
  type SearchPage,
  toE164,
} from '../phone';
import type { AccountRecord, DirectoryEntryRecord, PhoneNumberRecord } from '../ringcentral/types';
import {
  type DirectoryContext,
  identityKey,
  listing,
  SINGLE_CALL_WAIT_MS,
  selfSummary,
} from './context';
import { embeddedOwner, extensionSummary, mainNumberInfo, numberInfo } from './convert';
import {
  type DirectoryExtras,
  type DirectoryParts,
  DirectoryTablesBuilder,
  directoryTables,
} from './directory-tables';
import { PeopleSearch, PeopleTableBuilder } from './people-table';
import type { ExtensionLookup, SearchableExtensions } from './searchable';

export type { ExtensionLookup, SearchableExtensions } from './searchable';

/**
 * The listings one identity may read, cached for that identity. Which listing is used depends
 * on the viewer: administrators read the account's number list; everyone else reads the
 * company directory, which RingCentral shows every user. Each listing is one cache entry
 * holding everything derived from it (index, lookups, what `find` searches), so entries share
 * nothing and each is sized by what it holds. Conversion and indexing run in slices.
 */

export function account(ctx: DirectoryContext): Promise<AccountRecord> {
  return ctx.cache.get(identityKey(ctx), 'account', () =>
    ctx.api.account({ maxWaitMs: SINGLE_CALL_WAIT_MS }),
  );
}

export async function homeCountry(ctx: DirectoryContext): Promise<CountryCode> {
  const record = await account(ctx);
  return countryFromHomeCountry(record.serviceInfo?.brand?.homeCountry);
}

/** An administrator's extension list, by id and by number, and ready for `find`. */
export interface ExtensionListing {
  byId: ExtensionLookup;
  byNumber: ExtensionLookup;
  searchable: SearchableExtensions;
}

export function allExtensions(ctx: DirectoryContext, from = 0, span = 1) {
  return ctx.cache.get(identityKey(ctx), 'extensions', async (): Promise<ExtensionListing> => {
    const people = new PeopleTableBuilder();
    // Each record goes into the table as it is parsed, so the parsed records die young.
    await drain(
      ctx.api.extensionPages(
        (record) => people.add(extensionSummary(record)),
        listing(ctx, 'Collecting extensions…', from, span),
      ),
    );
    const table = people.seal();
    return {
      byId: await table.byId(),
      byNumber: await table.byNumber(table.allRows()),
      searchable: await PeopleSearch.build(table, table.allRows()),
    };
  });
}

/** Number look-ups over a listing, whichever way it is kept. */
export interface NumberIndex {
  /** The number stored for exactly this number. */
  get(e164: string): NumberInfo | undefined;
  search(query: NumberQuery, page?: PageOptions): SearchPage<NumberInfo>;
  /** Every number, in E.164 order. */
  all(): IndexedNumber<NumberInfo>[];
}

export interface NumberListing {
  index: NumberIndex;
  /** Extensions by extension number, as this viewer may see them. */
  extensions: ExtensionLookup;
  /** A regular user's directory, ready for `find` (administrators search their extension list). */
  searchable?: SearchableExtensions;
}

/** Every number this viewer may see, indexed for exact and prefix look-ups. */
export function visibleNumbers(ctx: DirectoryContext): Promise<NumberListing> {
  const admin = ctx.api.http.identity.isAdmin;
  return ctx.cache.get(identityKey(ctx), 'numbers', () =>
    admin ? adminListing(ctx) : directoryListing(ctx),
  );
}

async function adminListing(ctx: DirectoryContext): Promise<NumberListing> {
  const extensions = await allExtensions(ctx, 0, 0.3);
  // One summary object per owner, shared by all their numbers.
  const owners = new Map<string, ExtensionSummary | null>();
  const ownerOf = (id: string) => {
    if (!owners.has(id)) owners.set(id, extensions.byId.get(id) ?? null);
    return owners.get(id) ?? null;
  };
  const toInfo = (record: PhoneNumberRecord) => {
    const embedded = embeddedOwner(record);
    return numberInfo(record, embedded ? (ownerOf(embedded.id) ?? embedded) : null);
  };
  const pages = ctx.api.accountNumberPages(toInfo, listing(ctx, 'Collecting numbers…', 0.3, 0.7));
  const numbers: NumberInfo[] = [];
  for await (const page of pages) for (const info of page) if (info) numbers.push(info);
  return {
    index: await PrefixIndex.build(numbers.map((value) => ({ e164: value.e164, value }))),
    extensions: extensions.byNumber,
  };
}

/**
 * A regular user's directory, kept as text columns (directory-tables.ts): ten pages of 1000
 * people would otherwise stay on the heap as some 140,000 small objects. Built on the listing
 * worker when there is one, so parsing and indexing leave the event loop alone.
 */
async function directoryListing(ctx: DirectoryContext): Promise<NumberListing> {
  const self = selfSummary(ctx);
  const accountId = ctx.api.http.identity.accountId;
  const progress = listing(ctx, 'Collecting the directory…', 0, 0.8);
  const job: ListingJob = ctx.tables?.start(accountId, self) ?? inThread(accountId, self);
  try {
    const add = job.add ?? (() => undefined);
    await drain(ctx.api.directoryPages(add, { ...progress, readBody: job.readPage }));
    const own = await ctx.api.extensionNumbers('~', listing(ctx, 'Collecting numbers…', 0.8, 0.1));
    const company = await account(ctx);
    const main = company.mainNumber ? toE164(company.mainNumber) : null;
    const extras: DirectoryExtras = {
      own: own.flatMap((record) => numberInfo(record, self) ?? []),
      main: main ? mainNumberInfo(main) : null,
    };
    return directoryTables(await job.finish(extras));
  } finally {
    job.cancel();
  }
}

/** A directory being built: from each page's parsed entries (`add`) or its answer (`readPage`). */
interface ListingJob {
  add?: (record: DirectoryEntryRecord) => void;
  readPage?: (response: Response) => Promise<unknown>;
  finish(extras: DirectoryExtras): Promise<DirectoryParts>;
  cancel(): void;
}

/** The job on this thread: entries go into the tables as they are parsed, in slices. */
function inThread(accountId: string, self: ExtensionSummary): ListingJob {
  const builder = new DirectoryTablesBuilder(accountId, self);
  return {
    add: (record) => builder.add(record),
    finish: (extras) => builder.seal(extras),
    cancel: () => undefined,
  };
}

/** Reads every page; the records went where the page's mapping put them. */
async function drain(pages: AsyncIterable<unknown>): Promise<void> {
  for await (const page of pages) void page;
}

/**
 * What `find` searches: administrators their extension list, everyone else the company
 * directory they already read for number look-ups.
 */
export async function searchableExtensions(ctx: DirectoryContext): Promise<SearchableExtensions> {
  if (ctx.api.http.identity.isAdmin) return (await allExtensions(ctx)).searchable;
  const listing = await visibleNumbers(ctx);
  if (listing.searchable) return listing.searchable;
  // A listing kept without one (never a regular user's directory): build it from its people.
  const people = new PeopleTableBuilder();
  for (const summary of listing.extensions.values()) people.add(summary);
  const table = people.seal();
  return PeopleSearch.build(table, table.allRows());
}
