/** What the OAuth routes share. */
import type { Accounts } from '../company/accounts';
import type { RateLimiter } from '../limits/rate-limiter';
import type { ClientRegistry } from './clients';
import type { PendingAuthorizations } from './pending';
import type { TokenStore } from './token-store';

export interface OAuthEnv {
  /** Every account the sandbox serves: people sign in to their own. */
  accounts: Accounts;
  clients: ClientRegistry;
  store: TokenStore;
  pending: PendingAuthorizations;
  limiter: RateLimiter;
}

/** Appends parameters to a redirect URI, keeping any query it already has. */
export function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}
