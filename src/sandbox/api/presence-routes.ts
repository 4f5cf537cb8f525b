/**
 * Presence: `GET …/extension/{id}/presence`, one extension or up to 30 joined by commas (a batch
 * request, answered 207 multipart/mixed). The app needs the permission ReadPresence (403
 * `CMN-401` otherwise, as for any app permission it lacks). A person's own presence is always
 * real; a person who turned `allowSeeMyPresence` off shows other regular users only an Offline
 * placeholder without statuses (administrators still see it, as RingCentral's admin tools do).
 * Extensions that are no person (departments, menus, fax…) are Offline with no statuses, as the
 * spec says.
 */

import type { Extension } from '../company/company';
import { PERSONAL_EXTENSION_TYPES } from '../company/company';
import { aggregateStatus, presenceOfExtension } from '../company/presence';
import { apiError, appLacks, RcHttpError } from '../http/errors';
import { MultipartAnswer } from '../http/multipart';
import { type ApiContext, type ApiRoute, checkAccount, findExtension, isSelf } from './context';
import { extensionUri } from './render';

/** The spec: "For bulk requests the number of extensions in one request is limited to 30." */
const MAX_BATCH = 30;

function renderPresence(ctx: ApiContext, ext: Extension) {
  const uri = extensionUri(ctx.base, ctx.index.company, ext.id);
  const head = {
    uri: `${uri}/presence`,
    extension: { uri, id: Number(ext.id), extensionNumber: ext.extensionNumber },
  };
  if (!PERSONAL_EXTENSION_TYPES.includes(ext.type)) return { ...head, presenceStatus: 'Offline' };
  const presence = presenceOfExtension(ext);
  const told = presence.allowSeeMyPresence || isSelf(ctx, ext) || ctx.caller.isAdmin;
  if (!told) return { ...head, presenceStatus: 'Offline', allowSeeMyPresence: false };
  return {
    ...head,
    presenceStatus: aggregateStatus(presence),
    telephonyStatus: presence.telephonyStatus,
    userStatus: presence.userStatus,
    dndStatus: presence.dndStatus,
    allowSeeMyPresence: presence.allowSeeMyPresence,
    ringOnMonitoredCall: false,
    pickUpCallsOnHold: false,
  };
}

function getPresence(ctx: ApiContext, [accountId, extensionIds]: string[]) {
  checkAccount(ctx, accountId);
  if (!ctx.appPermissions.has('ReadPresence')) throw appLacks('ReadPresence');
  const ids = (extensionIds ?? '').split(',');
  if (ids.length === 1) return renderPresence(ctx, findExtension(ctx, ids[0]));
  if (ids.length > MAX_BATCH) {
    throw apiError(
      400,
      'InvalidMultipartRequest',
      'Extension Presence Info multipart request is limited to 30 extensions.',
    );
  }
  const base = `${ctx.base}/restapi/v1.0/account/${ctx.index.company.accountId}/extension`;
  return new MultipartAnswer(
    ids.map((id) => {
      const href = `${base}/${id}/presence`;
      try {
        return { href, status: 200, body: renderPresence(ctx, findExtension(ctx, id)) };
      } catch (error) {
        if (!(error instanceof RcHttpError)) throw error;
        return { href, status: error.status, body: error.body };
      }
    }),
  );
}

export const presenceRoutes: ApiRoute[] = [
  {
    operation: 'GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/presence',
    handle: getPresence,
  },
];
