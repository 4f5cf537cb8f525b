/**
 * `POST /restapi/oauth/wstoken`: for a valid bearer access token (the pipeline answers 401
 * otherwise) and an app with the WebSocket subscriptions permission, a short-lived token and
 * the address of the WebSocket gateway on this same server (the spec's WsTokenResponse).
 */
import { appLacks } from '../http/errors';
import { WS_PATH } from '../notifications/ws-gateway';
import type { ApiContext, ApiRoute } from './context';

/** The Developer Console's name for it (the spec's `x-app-permission` says `WebSocket`). */
export const WEBSOCKET_PERMISSION = 'WebSocketsSubscriptions';

function wsToken(ctx: ApiContext) {
  if (!ctx.appPermissions.has(WEBSOCKET_PERMISSION)) throw appLacks(WEBSOCKET_PERMISSION);
  const { token, expiresIn } = ctx.wsTokens.issue(ctx.caller.clientId, ctx.caller.extension.id);
  return {
    uri: `${ctx.base.replace(/^http/, 'ws')}${WS_PATH}`,
    ws_access_token: token,
    expires_in: expiresIn,
  };
}

export const wsTokenRoutes: ApiRoute[] = [
  { operation: 'POST /restapi/oauth/wstoken', handle: wsToken },
];
