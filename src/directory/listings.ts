import { cpuSlices } from '../cpu-slices';
import type { ExtensionSummary, NumberInfo } from '../model';
import { type CountryCode, countryFromHomeCountry, PrefixIndex, toE164 } from '../phone';
import type { AccountRecord, DirectoryEntryRecord, PhoneNumberRecord } from '../ringcentral/types';
import {
  type DirectoryContext,
  identityKey,
  listing,
  SINGLE_CALL_WAIT_MS,
  selfSummary,
} from './context';
import { directorySummary, embeddedOwner, extensionSummary, numberInfo } from './convert';
import { byExtensionNumber, type SearchableExtensions, searchableOf } from './searchable';

export type { SearchableExtensions } from './searchable';

/**
 * The listings one identity may read, cached for that identity. Which listing is used depends
 * on the viewer: administrators read the account's number list; everyone else reads the
 * company directory, which RingCentral shows every user. Each listing is one cache entry
 * holding everything derived from it (index, maps, what `find` searches), so entries share
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
  byId: Map<string, ExtensionSummary>;
  byNumber: Map<string, ExtensionSummary>;
  searchable: SearchableExtensions;
}

export function allExtensions(ctx: DirectoryContext, from = 0, span = 1) {
  return ctx.cache.get(identityKey(ctx), 'extensions', async (): Promise<ExtensionListing> => {
    const pages = ctx.api.extensionPages(
      extensionSummary,
      listing(ctx, 'Collecting extensions…', from, span),
    );
    const summaries: ExtensionSummary[] = [];
    for await (const page of pages) for (const summary of page) summaries.push(summary);
    return {
      byId: new Map(summaries.map((summary) => [summary.id, summary])),
      byNumber: byExtensionNumber(summaries),
      searchable: await searchableOf(summaries),
    };
  });
}

export interface NumberListing {
  index: PrefixIndex<NumberInfo>;
  /** Extensions by extension number, as this viewer may see them. */
  extensions: Map<string, ExtensionSummary>;
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
  const toInfo = (record: PhoneNumberRecord) => {
    const embedded = embeddedOwner(record);
    return numberInfo(record, embedded ? (extensions.byId.get(embedded.id) ?? embedded) : null);
  };
  const pages = ctx.api.accountNumberPages(toInfo, listing(ctx, 'Collecting numbers…', 0.3, 0.7));
  const numbers: NumberInfo[] = [];
  for await (const page of pages) for (const info of page) if (info) numbers.push(info);
  return {
    index: await PrefixIndex.build(numbers.map((value) => ({ e164: value.e164, value }))),
    extensions: extensions.byNumber,
  };
}

async function directoryListing(ctx: DirectoryContext): Promise<NumberListing> {
  const self = selfSummary(ctx);
  const accountId = ctx.api.http.identity.accountId;
  const numbers = new Map<string, NumberInfo>();
  const summaries: ExtensionSummary[] = [self];
  const pages = ctx.api.directoryPages(
    (entry) => directoryNumbers(entry, accountId),
    listing(ctx, 'Collecting the directory…', 0, 0.8),
  );
  let seen = 0;
  for await (const page of pages) {
    for (const entry of page) {
      if (++seen % 256 === 0) await cpuSlices.pause();
      if (!entry) continue;
      // `ext 101` means the viewer's own account: federated people are found by number only.
      if (!entry.owner.accountName) summaries.push(entry.owner);
      for (const info of entry.numbers) if (!numbers.has(info.e164)) numbers.set(info.e164, info);
    }
  }
  const own = await ctx.api.extensionNumbers('~', listing(ctx, 'Collecting numbers…', 0.8, 0.1));
  const company = await account(ctx);
  // One's own numbers come complete, features included; they win over the directory's view.
  for (const record of own) {
    const info = numberInfo(record, self);
    if (info) numbers.set(info.e164, info);
  }
  const main = company.mainNumber ? toE164(company.mainNumber) : null;
  if (main && !numbers.has(main)) {
    numbers.set(main, {
      e164: main,
      usageType: 'MainCompanyNumber',
      callType: null,
      paymentType: null,
      features: null,
      label: null,
      owner: null,
    });
  }
  const extensions = byExtensionNumber(summaries);
  return {
    index: await PrefixIndex.build(
      [...numbers.values()].map((value) => ({ e164: value.e164, value })),
    ),
    extensions,
    searchable: await searchableOf([...extensions.values()]),
  };
}

/**
 * A directory entry as a regular user's listing keeps it: its owner and numbers (no features
 * shown). RingCentral hides entries and numbers marked hidden from regular users.
 */
export function directoryNumbers(entry: DirectoryEntryRecord, ownAccountId: string) {
  if (entry.id === undefined || !entry.extensionNumber || entry.hidden === true) return null;
  const owner = directorySummary(entry, ownAccountId);
  const numbers: NumberInfo[] = [];
  for (const phone of entry.phoneNumbers ?? []) {
    if (phone.hidden === true) continue;
    const info = numberInfo(
      { phoneNumber: phone.phoneNumber ?? '', usageType: phone.usageType },
      owner,
    );
    if (info) numbers.push({ ...info, features: null });
  }
  return { owner, numbers };
}

/**
 * What `find` searches: administrators their extension list, everyone else the company
 * directory they already read for number look-ups.
 */
export async function searchableExtensions(ctx: DirectoryContext): Promise<SearchableExtensions> {
  if (ctx.api.http.identity.isAdmin) return (await allExtensions(ctx)).searchable;
  const listing = await visibleNumbers(ctx);
  return listing.searchable ?? searchableOf([...listing.extensions.values()]);
}
