/** RingCentral for one member: their own client and session, OAuth, the typed Account API, rate budget. */
export { AccountApi, type ListOptions, MAX_PER_PAGE } from './account-api';
export { requireActive } from './active-link';
export { BrowserBindingKey } from './browser-binding-key';
export {
  CONNECT_TOKEN_TTL_MS,
  type ConnectClaims,
  ConnectTokens,
  type ConnectWhere,
  RESPONSE_URL_TTL_MS,
} from './connect-token';
export { RingCentralOAuth, revokeTokens, type SignIn, STATE_TTL_MS } from './oauth';
export type { RingCentralAppCredentials } from './platform-factory';
export { RateBudget, type RateBudgetOptions } from './rate-budget';
export { RingCentralSessions } from './sessions';
export { TokenRefresher } from './token-refresher';
export { identityKeyOf } from './user-session';
