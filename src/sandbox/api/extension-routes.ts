/**
 * Account info, the extension list, one extension, and its forwarding numbers. Everyone may read
 * the account and list extensions; only admins and the extension itself see `permissions`, only
 * the extension itself sees `serviceFeatures`, and other people's forwarding lists are private.
 * An extension on the new call-handling backend has no v1.0 forwarding list (403 CMN-468).
 */
import { isUpgraded } from '../company/call-handling';
import { EXTENSION_STATUSES, PERSONAL_EXTENSION_TYPES } from '../company/company';
import { apiError, missingPermission } from '../http/errors';
import { wrongBackend } from './call-handling-routes';
import { type ApiContext, type ApiRoute, checkAccount, findExtension, isSelf } from './context';
import { queryPaging, v1List } from './paging';
import { enumListParam, listParam } from './query';
import {
  renderAccount,
  renderExtensionDetail,
  renderExtensionSummary,
  renderForwardingNumber,
} from './render';

/** Every extension type the spec knows, so a filter on a type this company lacks is not a 400. */
const SPEC_EXTENSION_TYPES = [
  'User',
  'Department',
  'Announcement',
  'Voicemail',
  'DigitalUser',
  'VirtualUser',
  'FaxUser',
  'PagingOnly',
  'SharedLinesGroup',
  'DelegatedLinesGroup',
  'GroupCallPickup',
  'IvrMenu',
  'ApplicationExtension',
  'ProxyAdmin',
  'RoomConnector',
  'ParkLocation',
  'Limited',
  'Bot',
  'Site',
  'Room',
  'FlexibleUser',
  'TieLine',
  'Unknown',
] as const;

function getAccount(ctx: ApiContext, [accountId]: string[]) {
  checkAccount(ctx, accountId);
  return renderAccount(ctx.base, ctx.index.company);
}

function listExtensions(ctx: ApiContext, [accountId]: string[]) {
  checkAccount(ctx, accountId);
  const q = ctx.url.searchParams;
  const paging = queryPaging(q);
  const statuses = enumListParam(q, 'status', EXTENSION_STATUSES);
  const types = enumListParam(q, 'type', SPEC_EXTENSION_TYPES);
  const emails = listParam(q, 'email').map((e) => e.toLowerCase());
  const number = q.get('extensionNumber');
  // An extension number is looked up directly; other filters scan in the account's order.
  const byNumber = number ? ctx.index.extensionByNumber(number) : undefined;
  const candidates = number ? (byNumber ? [byNumber] : []) : ctx.index.company.extensions;
  const matches = candidates.filter(
    (e) =>
      (statuses.length === 0 || statuses.includes(e.status)) &&
      (types.length === 0 || (types as readonly string[]).includes(e.type)) &&
      (emails.length === 0 || (!!e.email && emails.includes(e.email.toLowerCase()))),
  );
  const { company } = ctx.index;
  return v1List(ctx.url, ctx.base, matches, paging, (e) =>
    renderExtensionSummary(ctx.base, company, e, ctx.caller.isAdmin || isSelf(ctx, e)),
  );
}

function getExtension(ctx: ApiContext, [accountId, extensionId]: string[]) {
  checkAccount(ctx, accountId);
  const ext = findExtension(ctx, extensionId);
  const self = isSelf(ctx, ext);
  return renderExtensionDetail(ctx.base, ctx.index.company, ext, {
    withPermissions: self || ctx.caller.isAdmin,
    withServiceFeatures: self,
  });
}

function listForwardingNumbers(ctx: ApiContext, [accountId, extensionId]: string[]) {
  checkAccount(ctx, accountId);
  const ext = findExtension(ctx, extensionId);
  const paging = queryPaging(ctx.url.searchParams);
  if (!isSelf(ctx, ext) && !ctx.caller.isAdmin) {
    throw missingPermission('ReadUserForwardingFlipNumbers');
  }
  if (!PERSONAL_EXTENSION_TYPES.includes(ext.type)) {
    // Queues, menus, announcements and the like have no forwarding list at RingCentral.
    throw apiError(
      400,
      'CMN-101',
      `Parameter [extensionId] value is invalid. Forwarding numbers are not supported for extension type [${ext.type}].`,
      { parameterName: 'extensionId', parameterValue: extensionId ?? '' },
    );
  }
  // The migration guide: v1.0 call handling stops working once an extension is upgraded.
  if (isUpgraded(ctx.index.company, ext)) throw wrongBackend(true);
  return v1List(ctx.url, ctx.base, ext.forwarding, paging, (f) =>
    renderForwardingNumber(ctx.base, ctx.index.company, ext, f),
  );
}

export const extensionRoutes: ApiRoute[] = [
  { operation: 'GET /restapi/v1.0/account/{accountId}', handle: getAccount },
  { operation: 'GET /restapi/v1.0/account/{accountId}/extension', handle: listExtensions },
  {
    operation: 'GET /restapi/v1.0/account/{accountId}/extension/{extensionId}',
    handle: getExtension,
  },
  {
    operation: 'GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number',
    handle: listForwardingNumbers,
  },
];
