/**
 * What an Account API handler gets: the company, the signed-in caller and the request, plus the
 * checks every route shares (whose account, which extension, admin or not).
 */
import type { Extension } from '../company/company';
import type { CompanyIndex } from '../company/company-index';
import { resourceNotFound } from '../http/errors';
import type { SubscriptionRegistry } from '../notifications/subscriptions';
import type { WsTokens } from '../notifications/ws-tokens';

export interface Caller {
  clientId: string;
  extension: Extension;
  /** `permissions.admin.enabled` of the caller: admins see everything. */
  isAdmin: boolean;
}

export interface ApiContext {
  index: CompanyIndex;
  /** The sandbox's own URL, for the `uri` fields. */
  base: string;
  url: URL;
  caller: Caller;
  /** Raw request body (for POST routes). */
  body: string;
  /** Push notification subscriptions. */
  subscriptions: SubscriptionRegistry;
  /** WebSocket access tokens issued (`/restapi/oauth/wstoken`). */
  wsTokens: WsTokens;
  /** The app permissions the app was registered with (ReadAccounts, ReadPresence…). */
  appPermissions: ReadonlySet<string>;
}

/** What a handler returns for `204 No Content` (a DELETE). */
export const NO_CONTENT = Symbol('no content');

export interface ApiRoute {
  /** The spec's operation this route serves (`GET /restapi/v1.0/account/{accountId}`): its
   * path parameters reach `handle` in order; its rate group and parameters come from the spec. */
  operation: string;
  handle(ctx: ApiContext, params: string[]): unknown | Promise<unknown>;
}

/** `~` or the company's own id; any other account is not there for this caller. */
export function checkAccount(ctx: ApiContext, raw: string | undefined): void {
  if (raw !== '~' && raw !== ctx.index.company.accountId) {
    throw resourceNotFound('accountId', raw);
  }
}

/** `~` is the caller's own extension. */
export function findExtension(ctx: ApiContext, raw: string | undefined): Extension {
  if (raw === '~') return ctx.caller.extension;
  const ext = raw ? ctx.index.extension(raw) : undefined;
  if (!ext) throw resourceNotFound('extensionId', raw);
  return ext;
}

export function isSelf(ctx: ApiContext, ext: Extension): boolean {
  return ext.id === ctx.caller.extension.id;
}
