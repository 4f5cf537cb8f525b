/** Types shared by the sandbox's parts and its users. */

/** RingCentral's throttling groups (`x-throttling-group` in the spec). */
export type RateGroup = 'Light' | 'Medium' | 'Heavy' | 'Auth';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  /** Throttling group of the route; null for pages and unknown routes. */
  group: RateGroup | null;
  /** HTTP status answered; 0 while the answer is still being prepared. */
  status: number;
  /** Extension the request acted as (token owner, or the owner of the grant), if known. */
  extensionId: string | null;
  /** `grant_type` of a token request. */
  grantType?: string;
  /** Epoch ms when the request arrived. */
  at: number;
  /** Epoch ms when its answer was sent (absent while in flight, or when a fault cut it). */
  answeredAt?: number;
  /** Why the spec rules out this request's parameters; absent when it allows them. */
  specProblems?: string[];
  /** Sent with `X-Sandbox-Probe: breaks-spec`: a test breaking the spec on purpose. */
  probe?: boolean;
}

/** A registered OAuth app. */
export interface SandboxClient {
  clientId: string;
  /** Absent for a public client, which sends `client_id` in the body instead of Basic auth. */
  clientSecret?: string;
  /** Registered redirect URIs; an empty list accepts any http(s) redirect URI. */
  redirectUris: string[];
}

export interface RateLimitSettings {
  Light: number;
  Medium: number;
  Heavy: number;
  Auth: number;
  windowSec: number;
  penaltySec: number;
}

export interface TokenLifetimes {
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  /** How long an authorization code can be redeemed. */
  authCodeTtlSec: number;
  /** How long a rotated-out refresh token keeps answering while the new access token is unused. */
  refreshGraceUnusedSec: number;
  /** How long a rotated-out refresh token lives on once the new access token has been used. */
  refreshGraceAfterUseSec: number;
}
