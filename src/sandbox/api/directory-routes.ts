/**
 * The company directory (a separate RingCentral service): every user may read it. As the spec
 * says, DigitalUser, VirtualUser and FaxUser are listed as `User`, and only Enabled, Disabled
 * and NotActivated extensions appear. Entries and numbers hidden from the directory are listed
 * with `hidden: true` (clients decide whom to show them), and the people of federated accounts
 * follow the account's own, each with its `account` (`showFederated=false` leaves them out).
 * Search matches a text in the chosen fields of the account's own people, ignoring case; for
 * phone numbers it compares digits only, so `6503316252` finds `+16503316252`.
 */
import type { Extension } from '../company/company';
import { apiError, invalidParameter } from '../http/errors';
import { type ApiContext, type ApiRoute, checkAccount } from './context';
import { readPaging, slicePage } from './paging';
import { enumParam } from './query';

const LISTED_STATUSES = new Set(['Enabled', 'Disabled', 'NotActivated']);
const DIRECTORY_TYPES = [
  'User',
  'Department',
  'Announcement',
  'Voicemail',
  'SharedLinesGroup',
  'PagingOnly',
  'IvrMenu',
  'ParkLocation',
  'Limited',
  'External',
  'DelegatedLinesGroup',
  'TieLine',
] as const;
const SEARCH_FIELDS = [
  'firstName',
  'lastName',
  'extensionNumber',
  'phoneNumber',
  'email',
  'jobTitle',
  'department',
  'customFieldValue',
] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];
const DEFAULT_FIELDS: SearchField[] = [
  'firstName',
  'lastName',
  'extensionNumber',
  'phoneNumber',
  'email',
];

function directoryType(ext: Extension): string {
  return ext.type === 'DigitalUser' || ext.type === 'VirtualUser' || ext.type === 'FaxUser'
    ? 'User'
    : ext.type;
}

function formatted(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

function renderEntry(ctx: ApiContext, ext: Extension, withAccount: boolean) {
  const { company } = ctx.index;
  const phoneNumbers = ctx.index.numbersOfExtension(ext.id).map((n, i) => ({
    phoneNumber: n.phoneNumber,
    formattedPhoneNumber: formatted(n.phoneNumber),
    type: n.type ?? 'VoiceFax',
    usageType: n.usageType,
    primary: i === 0,
    hidden: n.hidden === true,
  }));
  return {
    id: ext.id,
    type: directoryType(ext),
    status: ext.status,
    ...(withAccount
      ? {
          account: {
            id: company.accountId,
            companyName: company.companyName,
            mainNumber: {
              phoneNumber: company.mainNumber,
              formattedPhoneNumber: formatted(company.mainNumber),
              usageType: 'MainCompanyNumber',
            },
          },
        }
      : {}),
    extensionNumber: ext.extensionNumber,
    name: ext.name,
    ...(ext.firstName ? { firstName: ext.firstName } : {}),
    ...(ext.lastName ? { lastName: ext.lastName } : {}),
    ...(ext.email ? { email: ext.email } : {}),
    ...(ext.jobTitle ? { jobTitle: ext.jobTitle } : {}),
    ...(ext.department ? { department: ext.department } : {}),
    phoneNumbers,
    ...(ext.site ? { site: { ...ext.site } } : {}),
    hidden: ext.hidden === true,
  };
}

/** People of the federation's other accounts, each with the account they belong to. */
function federatedEntries(ctx: ApiContext) {
  return (ctx.index.company.federation ?? []).flatMap((account) =>
    account.contacts.map((c) => ({
      id: c.id,
      type: 'User',
      status: 'Enabled',
      account: {
        id: account.accountId,
        companyName: account.companyName,
        federatedName: account.federatedName,
      },
      extensionNumber: c.extensionNumber,
      name: `${c.firstName} ${c.lastName}`,
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phoneNumbers: [
        {
          phoneNumber: c.phoneNumber,
          formattedPhoneNumber: formatted(c.phoneNumber),
          type: 'VoiceFax',
          usageType: 'DirectNumber',
          primary: true,
        },
      ],
      hidden: false,
    })),
  );
}

function listed(ctx: ApiContext): Extension[] {
  return ctx.index.company.extensions.filter((e) => LISTED_STATUSES.has(e.status));
}

function listEntries(ctx: ApiContext, [accountId]: string[]) {
  checkAccount(ctx, accountId);
  const q = ctx.url.searchParams;
  const perPageRaw = q.get('perPage');
  // The directory's own paging: 1000 by default, up to 2000, and `max`/`all` for the most.
  const perPage = perPageRaw === 'max' || perPageRaw === 'all' ? '2000' : (perPageRaw ?? undefined);
  const paging = readPaging(q.get('page') ?? undefined, perPage, {
    defaultPerPage: 1000,
    maxPerPage: 2000,
  });
  const type = enumParam(q, 'type', DIRECTORY_TYPES);
  const typeGroup = enumParam(q, 'typeGroup', ['User', 'NonUser'] as const);
  const entries = listed(ctx).filter((e) => {
    const t = directoryType(e);
    if (type && t !== type) return false;
    if (typeGroup) return (t === 'User') === (typeGroup === 'User');
    return true;
  });
  const withAccount = q.get('showFederated') !== 'false';
  // Federated people come after the account's own, unless asked to leave them out.
  const federated = withAccount && typeGroup !== 'NonUser' && (!type || type === 'User');
  const others = federated ? federatedEntries(ctx) : [];
  const all: Array<Extension | (typeof others)[number]> = [...entries, ...others];
  const { slice, paging: page } = slicePage(all, paging);
  const records = slice.map((e) => ('isAdmin' in e ? renderEntry(ctx, e, withAccount) : e));
  return { records, paging: page };
}

function fieldValues(ctx: ApiContext, ext: Extension, field: SearchField): string[] {
  switch (field) {
    case 'phoneNumber':
      return ctx.index.numbersOfExtension(ext.id).map((n) => n.phoneNumber.replace(/\D/g, ''));
    case 'customFieldValue':
      return [];
    default:
      return [ext[field] ?? ''];
  }
}

interface SearchBody {
  searchString?: unknown;
  searchFields?: unknown;
  extensionType?: unknown;
  extensionStatuses?: unknown;
  page?: unknown;
  perPage?: unknown;
}

function parseBody(raw: string): SearchBody {
  if (raw.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(raw);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as SearchBody;
  } catch {
    // Answered below, as RingCentral does for any body it cannot read.
  }
  throw apiError(400, 'CMN-103', "JSON can't be parsed.");
}

function stringList(value: unknown, name: string, allowed?: readonly string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidParameter(name);
  for (const v of value) {
    if (typeof v !== 'string' || (allowed && !allowed.includes(v))) {
      throw invalidParameter(name, String(v));
    }
  }
  return value as string[];
}

function searchEntries(ctx: ApiContext, [accountId]: string[]) {
  checkAccount(ctx, accountId);
  const body = parseBody(ctx.body);
  const paging = readPaging(body.page, body.perPage, { defaultPerPage: 100, maxPerPage: 1000 });
  if (body.searchString !== undefined && typeof body.searchString !== 'string') {
    throw invalidParameter('searchString');
  }
  const text = (body.searchString ?? '').trim().toLowerCase();
  const digits = text.replace(/\D/g, '');
  const fields = stringList(body.searchFields, 'searchFields', SEARCH_FIELDS) as SearchField[];
  const statuses = stringList(body.extensionStatuses, 'extensionStatuses');
  if (body.extensionType !== undefined && typeof body.extensionType !== 'string') {
    throw invalidParameter('extensionType');
  }
  const useFields = fields.length > 0 ? fields : DEFAULT_FIELDS;
  const matches = listed(ctx).filter((e) => {
    if (body.extensionType && directoryType(e) !== body.extensionType) return false;
    if (statuses.length > 0 && !statuses.includes(e.status)) return false;
    if (text === '') return true;
    return useFields.some((f) =>
      fieldValues(ctx, e, f).some((v) =>
        f === 'phoneNumber' ? digits !== '' && v.includes(digits) : v.toLowerCase().includes(text),
      ),
    );
  });
  const { slice, paging: page } = slicePage(matches, paging);
  return { records: slice.map((e) => renderEntry(ctx, e, true)), paging: page };
}

export const directoryRoutes: ApiRoute[] = [
  { operation: 'GET /restapi/v1.0/account/{accountId}/directory/entries', handle: listEntries },
  {
    operation: 'POST /restapi/v1.0/account/{accountId}/directory/entries/search',
    handle: searchEntries,
  },
];
