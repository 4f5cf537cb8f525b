import type { SDK } from '@ringcentral/sdk';
import { RATE_GROUPS } from './rate-groups';
import type { UserSession } from './user-session';

export const WSTOKEN_PATH = '/restapi/oauth/wstoken';

/** What RingCentral answers at POST /restapi/oauth/wstoken (the spec's WsTokenResponse). */
export interface WsToken {
  uri: string;
  ws_access_token: string;
  expires_in: number;
}

/** Opens a session with the identity's own stored link; throws when it is gone or changed. */
export type SessionOpener = () => Promise<Pick<UserSession, 'send'>>;

/**
 * What @ringcentral/subscriptions asks of "the SDK": only `send`, and only for the WebSocket
 * token (the subscription itself is requested over the socket). Each token is asked for with
 * a session opened afresh from the stored link, so it is made from the member's current access
 * token (refreshed by the one refresher, within their rate budget) and never from a link that
 * was replaced or broken since the socket opened.
 */
export function wsTokenBridge(open: SessionOpener): SDK {
  const bridge = {
    async send(options: { method?: string; url?: string }): Promise<Response> {
      if (options.method !== 'POST' || options.url !== WSTOKEN_PATH) {
        throw new Error(`event sockets send only the WebSocket token request (${options.url})`);
      }
      const session = await open();
      const token = await session.send<WsToken>(
        'POST',
        WSTOKEN_PATH,
        undefined,
        RATE_GROUPS[`POST ${WSTOKEN_PATH}`],
        // A socket's retry comes back later; it never queues behind a member's own questions.
        { maxWaitMs: 2_000 },
      );
      if (!token?.ws_access_token || !token.uri) {
        throw new Error('RingCentral answered the WebSocket token request without a token');
      }
      return new Response(JSON.stringify(token), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    },
  };
  // The library reads nothing else of the SDK (its token getter is never used by sockets).
  return bridge as unknown as SDK;
}
