import type { ExtensionSummary, NumberInfo } from '../model';
import { type CountryCode, countryFromHomeCountry, PrefixIndex, toE164 } from '../phone';
import type { AccountRecord, ExtensionRecord } from '../ringcentral/types';
import {
  type DirectoryContext,
  identityKey,
  listing,
  SINGLE_CALL_WAIT_MS,
  selfSummary,
} from './context';
import { directorySummary, embeddedOwner, extensionSummary, numberInfo } from './convert';

/**
 * The listings one identity may read, cached for that identity. Which listing is used depends
 * on the viewer: administrators read the account's number list; everyone else reads the
 * company directory, which RingCentral shows every user.
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

export function allExtensions(ctx: DirectoryContext, from = 0, span = 1) {
  return ctx.cache.get(
    identityKey(ctx),
    'extensions',
    () => ctx.api.allExtensions(listing(ctx, 'Collecting extensions…', from, span)),
    (records: ExtensionRecord[]) => records.length * 400,
  );
}

export interface NumberListing {
  index: PrefixIndex<NumberInfo>;
  /** Extensions by extension number, as this viewer may see them. */
  extensions: Map<string, ExtensionSummary>;
}

/** Every number this viewer may see, indexed for exact and prefix look-ups. */
export function visibleNumbers(ctx: DirectoryContext): Promise<NumberListing> {
  const admin = ctx.api.http.identity.isAdmin;
  return ctx.cache.get(
    identityKey(ctx),
    'numbers',
    () => (admin ? adminListing(ctx) : directoryListing(ctx)),
    (listing: NumberListing) => listing.index.size * 300 + listing.extensions.size * 300,
  );
}

async function adminListing(ctx: DirectoryContext): Promise<NumberListing> {
  const extensions = await allExtensions(ctx, 0, 0.3);
  const byId = new Map(extensions.map((record) => [String(record.id), extensionSummary(record)]));
  const records = await ctx.api.accountNumbers(listing(ctx, 'Collecting numbers…', 0.3, 0.7));
  const numbers: NumberInfo[] = [];
  for (const record of records) {
    const embedded = embeddedOwner(record);
    const owner = embedded ? (byId.get(embedded.id) ?? embedded) : null;
    const info = numberInfo(record, owner);
    if (info) numbers.push(info);
  }
  return {
    index: new PrefixIndex(numbers.map((value) => ({ e164: value.e164, value }))),
    extensions: byExtensionNumber(byId.values()),
  };
}

async function directoryListing(ctx: DirectoryContext): Promise<NumberListing> {
  const entries = await ctx.api.directory(listing(ctx, 'Collecting the directory…', 0, 0.8));
  const own = await ctx.api.extensionNumbers('~', listing(ctx, 'Collecting numbers…', 0.8, 0.1));
  const company = await account(ctx);
  const self = selfSummary(ctx);
  const accountId = ctx.api.http.identity.accountId;
  const numbers = new Map<string, NumberInfo>();
  const summaries: ExtensionSummary[] = [self];
  for (const entry of entries) {
    // This listing is a regular user's: RingCentral hides entries marked hidden from them.
    if (entry.id === undefined || !entry.extensionNumber || entry.hidden === true) continue;
    const owner = directorySummary(entry, accountId);
    // `ext 101` means the viewer's own account: federated people are found by number only.
    if (!owner.accountName) summaries.push(owner);
    for (const phone of entry.phoneNumbers ?? []) {
      if (phone.hidden === true) continue;
      const info = numberInfo(
        { phoneNumber: phone.phoneNumber ?? '', usageType: phone.usageType, type: undefined },
        owner,
      );
      if (info && !numbers.has(info.e164)) numbers.set(info.e164, { ...info, features: null });
    }
  }
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
  return {
    index: new PrefixIndex([...numbers.values()].map((value) => ({ e164: value.e164, value }))),
    extensions: byExtensionNumber(summaries),
  };
}

function byExtensionNumber(summaries: Iterable<ExtensionSummary>): Map<string, ExtensionSummary> {
  const map = new Map<string, ExtensionSummary>();
  for (const summary of summaries) {
    if (summary.extensionNumber && !map.has(summary.extensionNumber)) {
      map.set(summary.extensionNumber, summary);
    }
  }
  return map;
}

/** Extensions ready for `find`: summaries sorted by name, with lower-cased search keys. */
export interface SearchableExtensions {
  items: ExtensionSummary[];
  keys: string[];
}

/**
 * What `find` searches, built once per identity: administrators search the extension list,
 * everyone else the company directory they already read for number look-ups.
 */
export function searchableExtensions(ctx: DirectoryContext): Promise<SearchableExtensions> {
  return ctx.cache.get(
    identityKey(ctx),
    'find',
    async () => {
      const summaries = ctx.api.http.identity.isAdmin
        ? (await allExtensions(ctx)).map(extensionSummary)
        : [...(await visibleNumbers(ctx)).extensions.values()];
      const items = summaries.sort((a, b) => a.name.localeCompare(b.name));
      const keys = items.map((item) =>
        `${item.name}\n${item.email ?? ''}\n${item.extensionNumber ?? ''}`.toLowerCase(),
      );
      return { items, keys };
    },
    (found) => found.items.length * 400,
  );
}
