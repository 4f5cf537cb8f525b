/**
 * RingCentral's two call-handling backends. The features endpoint tells them apart: both answer
 * `NewCallHandlingAndForwarding` as available, with the param `isNewBackendAvailable` "true" on
 * the new one (RingCentral's migration guide). An upgraded extension's v1.0 forwarding list is
 * refused (see extension-routes.ts); its numbers are read from the v2 call-flip list and
 * forwarding targets, which in turn answer only on the new backend. Visibility is the same on
 * both: an extension itself and admins read the lists, nobody else.
 */
import { isUpgraded, newCallHandlingOf } from '../company/call-handling';
import { type Extension, PERSONAL_EXTENSION_TYPES } from '../company/company';
import { apiError, missingPermission } from '../http/errors';
import { type ApiContext, type ApiRoute, checkAccount, findExtension, isSelf } from './context';
import { queryPaging, slicePage } from './paging';
import { listParam } from './query';

export const NEW_CALL_HANDLING = 'NewCallHandlingAndForwarding';

/** What the sandbox answers on a backend an extension is not on: RingCentral does not document it. */
export function wrongBackend(upgraded: boolean): ReturnType<typeof apiError> {
  return apiError(
    403,
    'CMN-468',
    upgraded
      ? 'This extension is on the new call handling: use the v2 call handling APIs.'
      : 'This extension is not on the new call handling: use the v1.0 call handling APIs.',
  );
}

/** Features of an extension: the caller's own, or any for an admin. */
function listFeatures(ctx: ApiContext, [accountId, extensionId]: string[]) {
  checkAccount(ctx, accountId);
  const ext = findExtension(ctx, extensionId);
  if (!isSelf(ctx, ext) && !ctx.caller.isAdmin) throw missingPermission('ReadExtensions');
  const personal = PERSONAL_EXTENSION_TYPES.includes(ext.type);
  const upgraded = isUpgraded(ctx.index.company, ext);
  const all = [
    personal
      ? {
          id: NEW_CALL_HANDLING,
          available: true,
          params: [{ name: 'isNewBackendAvailable', value: upgraded ? 'true' : 'false' }],
        }
      : {
          id: NEW_CALL_HANDLING,
          available: false,
          reason: { code: 'ExtensionTypeLimitation', message: 'Not for this extension type' },
        },
    { id: 'CallForwarding', available: personal },
    { id: 'SMS', available: personal },
    { id: 'Presence', available: true },
  ];
  const wanted = listParam(ctx.url.searchParams, 'featureId');
  const availableOnly = ctx.url.searchParams.get('availableOnly') === 'true';
  const records = all.filter(
    (f) => (wanted.length === 0 || wanted.includes(f.id)) && (!availableOnly || f.available),
  );
  return { records };
}

/** The extension whose v2 call-handling lists are read, after the checks both lists share. */
function newBackendExtension(ctx: ApiContext, accountId?: string, extensionId?: string): Extension {
  checkAccount(ctx, accountId);
  const ext = findExtension(ctx, extensionId);
  if (!isSelf(ctx, ext) && !ctx.caller.isAdmin) {
    throw missingPermission('ReadExtensionAnsweringRules');
  }
  if (!PERSONAL_EXTENSION_TYPES.includes(ext.type)) {
    throw apiError(
      400,
      'CMN-101',
      `Parameter [extensionId] value is invalid. Call handling is not supported for extension type [${ext.type}].`,
      { parameterName: 'extensionId', parameterValue: extensionId ?? '' },
    );
  }
  if (!isUpgraded(ctx.index.company, ext)) throw wrongBackend(false);
  return ext;
}

function listCallFlipNumbers(ctx: ApiContext, [accountId, extensionId]: string[]) {
  const ext = newBackendExtension(ctx, accountId, extensionId);
  return { records: newCallHandlingOf(ext).flip.map((f) => ({ ...f })) };
}

function renderTarget(target: ReturnType<typeof newCallHandlingOf>['targets'][number]) {
  switch (target.type) {
    case 'PhoneNumberRingTarget':
      return {
        type: target.type,
        destination: { phoneNumber: target.phoneNumber },
        name: target.name,
      };
    case 'DeviceRingTarget':
      return {
        type: target.type,
        device: { id: target.deviceId, name: target.name, phoneNumber: target.phoneNumber },
        name: target.name,
      };
    case 'CoworkerRingTarget':
      return { type: target.type, extension: { id: target.extensionId } };
  }
}

function listForwardingTargets(ctx: ApiContext, [accountId, extensionId]: string[]) {
  const ext = newBackendExtension(ctx, accountId, extensionId);
  const paging = queryPaging(ctx.url.searchParams);
  // The extension's own targets are its devices.
  const excludeOwn = ctx.url.searchParams.get('excludeOwnTargets') === 'true';
  const targets = newCallHandlingOf(ext).targets.filter(
    (t) => !excludeOwn || t.type !== 'DeviceRingTarget',
  );
  const { slice, paging: page } = slicePage(targets, paging);
  return { records: slice.map(renderTarget), paging: page };
}

const V1 = '/restapi/v1.0/account/{accountId}/extension/{extensionId}';
const V2 = '/restapi/v2/accounts/{accountId}/extensions/{extensionId}';

export const callHandlingRoutes: ApiRoute[] = [
  { operation: `GET ${V1}/features`, handle: listFeatures },
  { operation: `GET ${V2}/call-flip-numbers`, handle: listCallFlipNumbers },
  { operation: `GET ${V2}/comm-handling/voice/forwarding-targets`, handle: listForwardingTargets },
];
