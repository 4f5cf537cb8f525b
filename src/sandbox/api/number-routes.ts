/**
 * Phone number lists. An extension's own list (and any list, for an admin) is complete and
 * carries `features`; a regular user reading someone else's list gets only their direct numbers
 * not hidden from the directory, and no `features`, whatever usage types were asked for. The
 * company-wide lists (v1.0 and v2) need the ReadCompanyPhoneNumbers permission, which only
 * admins have.
 */
import {
  NUMBER_STATUSES,
  NUMBER_TYPES,
  PAYMENT_TYPES,
  type PhoneNumber,
  USAGE_TYPES,
} from '../company/company';
import { invalidParameter, missingPermission } from '../http/errors';
import { type ApiContext, type ApiRoute, checkAccount, findExtension, isSelf } from './context';
import { queryPaging, slicePage, v1List } from './paging';
import { enumListParam, enumParam } from './query';
import {
  renderAccountPhoneNumber,
  renderExtensionPhoneNumber,
  renderV2PhoneNumber,
} from './render';

/** Usage types the spec allows in filters, beyond those this sandbox ever stores. */
const SPEC_USAGE_TYPES = [
  ...USAGE_TYPES,
  'FmcBusinessMobileNumber',
  'InventoryFmcBusinessMobileNumber',
  'ContactCenterNumber',
  'ConferencingNumber',
  'MeetingsNumber',
  'NumberPool',
  'BusinessMobileNumber',
  'ELIN',
  'PartnerBusinessMobileNumber',
  'NumberPoolPartnerBusinessMobileNumber',
  'NumberStorage',
  'IntegrationNumber',
  'InventoryMobileNumber',
  'Inventory',
  'InventoryPartnerBusinessMobileNumber',
  'PhoneLine',
] as const;
const SPEC_NUMBER_STATUSES = [...NUMBER_STATUSES, 'Unknown'] as const;
const SPEC_PAYMENT_TYPES = [
  ...PAYMENT_TYPES,
  'BusinessMobileNumberProvider',
  'ExternalNumberProvider',
  'ExternalNumberProviderTollFree',
  'Mobile',
] as const;

function requireCompanyNumbers(ctx: ApiContext): void {
  if (!ctx.caller.isAdmin) throw missingPermission('ReadCompanyPhoneNumbers');
}

function listExtensionNumbers(ctx: ApiContext, [accountId, extensionId]: string[]) {
  checkAccount(ctx, accountId);
  const ext = findExtension(ctx, extensionId);
  const q = ctx.url.searchParams;
  const paging = queryPaging(q);
  const usageTypes = enumListParam(q, 'usageType', SPEC_USAGE_TYPES);
  const status = enumParam(q, 'status', SPEC_NUMBER_STATUSES);
  const fullView = isSelf(ctx, ext) || ctx.caller.isAdmin;
  const all = ctx.index.numbersOfExtension(ext.id);
  const firstDirect = all.find((n) => n.usageType === 'DirectNumber');
  const numbers = all.filter(
    (n) =>
      // Regular users see others' direct numbers, but not those hidden from the directory.
      (fullView || (n.usageType === 'DirectNumber' && !n.hidden)) &&
      (usageTypes.length === 0 || (usageTypes as readonly string[]).includes(n.usageType)) &&
      (!status || n.status === status),
  );
  const { company } = ctx.index;
  return v1List(ctx.url, ctx.base, numbers, paging, (n) =>
    renderExtensionPhoneNumber(ctx.base, company, n, ext, {
      withFeatures: fullView,
      primary: n === firstDirect,
    }),
  );
}

function listAccountNumbers(ctx: ApiContext, [accountId]: string[]) {
  checkAccount(ctx, accountId);
  requireCompanyNumbers(ctx);
  const q = ctx.url.searchParams;
  const paging = queryPaging(q);
  const usageTypes = enumListParam(q, 'usageType', SPEC_USAGE_TYPES);
  const paymentTypes = enumListParam(q, 'paymentType', SPEC_PAYMENT_TYPES);
  const statuses = enumListParam(q, 'status', SPEC_NUMBER_STATUSES);
  const numbers = ctx.index.company.phoneNumbers.filter(
    (n) =>
      (usageTypes.length === 0 || (usageTypes as readonly string[]).includes(n.usageType)) &&
      (paymentTypes.length === 0 || (paymentTypes as readonly string[]).includes(n.paymentType)) &&
      (statuses.length === 0 || (statuses as readonly string[]).includes(n.status)),
  );
  const { company } = ctx.index;
  return v1List(ctx.url, ctx.base, numbers, paging, (n) =>
    renderAccountPhoneNumber(ctx.base, company, n, ownerOf(ctx, n)),
  );
}

function ownerOf(ctx: ApiContext, n: PhoneNumber) {
  return n.extensionId ? ctx.index.extension(n.extensionId) : undefined;
}

/** `+165033*`: E.164 digits with `*` wildcards, at most 18 characters as the spec says. */
function phoneNumberPattern(raw: string | null): string | undefined {
  if (raw === null || raw === '') return undefined;
  const value = raw.trim();
  if (value.length > 18 || !/^\+?[\d*]+$/.test(value)) throw invalidParameter('phoneNumber', raw);
  return value.startsWith('+') ? value : `+${value}`;
}

function listAccountNumbersV2(ctx: ApiContext, [accountId]: string[]) {
  checkAccount(ctx, accountId);
  requireCompanyNumbers(ctx);
  const q = ctx.url.searchParams;
  const paging = queryPaging(q);
  const pattern = phoneNumberPattern(q.get('phoneNumber'));
  const usageTypes = enumListParam(q, 'usageType', SPEC_USAGE_TYPES);
  const types = enumListParam(q, 'type', NUMBER_TYPES);
  const status = enumParam(q, 'status', SPEC_NUMBER_STATUSES);
  const tollType = enumParam(q, 'tollType', ['Toll', 'TollFree'] as const);
  const source = pattern ? ctx.index.numbersMatching(pattern) : ctx.index.company.phoneNumbers;
  const numbers = source.filter(
    (n) =>
      (usageTypes.length === 0 || (usageTypes as readonly string[]).includes(n.usageType)) &&
      (types.length === 0 || (!!n.type && types.includes(n.type))) &&
      (!status || n.status === status) &&
      (!tollType || (n.paymentType === 'TollFree') === (tollType === 'TollFree')),
  );
  const { slice, paging: page } = slicePage(numbers, paging);
  return { records: slice.map((n) => renderV2PhoneNumber(n, ownerOf(ctx, n))), paging: page };
}

export const numberRoutes: ApiRoute[] = [
  {
    operation: 'GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/phone-number',
    handle: listExtensionNumbers,
  },
  { operation: 'GET /restapi/v1.0/account/{accountId}/phone-number', handle: listAccountNumbers },
  { operation: 'GET /restapi/v2/accounts/{accountId}/phone-numbers', handle: listAccountNumbersV2 },
];
