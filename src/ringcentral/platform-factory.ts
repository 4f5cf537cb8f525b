import { randomUUID } from 'node:crypto';
import { SDK } from '@ringcentral/sdk';
import { fetchThroughUndici } from '../outbound-http';
import type { TokenSet } from '../store/types';

export interface RingCentralAppCredentials {
  serverUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** How long one request may take; REQUEST_TIMEOUT_MS unless set (tests shorten it). */
  requestTimeoutMs?: number;
}

type Platform = ReturnType<SDK['platform']>;
type AuthData = NonNullable<Parameters<ReturnType<Platform['auth']>['setData']>[0]>;

/**
 * A Storage that lives and dies with one SDK instance. On Node every SDK instance otherwise
 * shares one global in-memory storage, and users would overwrite each other's tokens.
 */
class PrivateStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}

/**
 * No RingCentral request may hang: a token request has to finish well inside the refresh
 * lease, and a member is waiting for every other one.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A fresh SDK platform with its own token storage. Automatic refresh is switched off: the
 * session manager decides when to refresh, so that one refresh runs per link across processes
 * and the new pair is stored before it is used.
 */
export function createPlatform(credentials: RingCentralAppCredentials): Platform {
  const sdk = new SDK({
    // Node's own web classes (the SDK otherwise brings node-fetch 2), sent through undici's
    // request API with a deadline per request.
    fetch: fetchThroughUndici(credentials.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
    Request,
    Response,
    Headers,
    server: credentials.serverUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    redirectUri: credentials.redirectUri,
    cachePrefix: `rcnumber-${randomUUID()}-`,
    localStorage: new PrivateStorage(),
    refreshDelayMs: 0,
    clearCacheOnRefreshError: false,
    handleRateLimit: false,
  });
  const platform = sdk.platform();
  platform.ensureLoggedIn = async () => null;
  return platform;
}

/** RingCentral's standard lifetimes, in seconds. */
const ACCESS_TOKEN_TTL_SEC = 3600;
const REFRESH_TOKEN_TTL_SEC = 604800;

/**
 * The SDK's auth data for a stored pair. Expiry is carried by `expire_time` and
 * `refresh_token_expire_time`; `expires_in` and `refresh_token_expires_in` must stay the full
 * lifetimes, because the SDK asks for exactly those lifetimes when it refreshes: passing the time
 * left would make every refreshed pair live shorter than the one before.
 */
export function tokensToAuthData(tokens: TokenSet): AuthData {
  return {
    token_type: 'bearer',
    access_token: tokens.accessToken,
    expires_in: String(ACCESS_TOKEN_TTL_SEC),
    expire_time: tokens.accessTokenExpiresAt,
    refresh_token: tokens.refreshToken,
    refresh_token_expires_in: String(REFRESH_TOKEN_TTL_SEC),
    refresh_token_expire_time: tokens.refreshTokenExpiresAt,
    scope: tokens.scope,
    owner_id: tokens.ownerId,
  };
}

export function authDataToTokens(data: AuthData): TokenSet {
  if (!data.access_token || !data.refresh_token) {
    throw new Error('RingCentral answered without a token pair');
  }
  const now = Date.now();
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token,
    accessTokenExpiresAt: data.expire_time || now + Number(data.expires_in ?? 3600) * 1000,
    refreshTokenExpiresAt:
      data.refresh_token_expire_time ||
      now + Number(data.refresh_token_expires_in ?? 604800) * 1000,
    scope: data.scope ?? '',
    ownerId: String(data.owner_id ?? ''),
  };
}

export type { Platform };
