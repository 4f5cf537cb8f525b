/** Shared steps for the sandbox tests: sign in through the real OAuth flow, call the API. */
import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from '../../src/sandbox';

export const REDIRECT_URI = 'http://127.0.0.1:3999/oauth/ringcentral/callback';

export interface TokenBody {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_token_expires_in: number;
  owner_id: string;
  [key: string]: unknown;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(sb: Sandbox, params: Record<string, string> = {}): string {
  const url = new URL('/restapi/oauth/authorize', sb.url);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: sb.clientId,
    redirect_uri: REDIRECT_URI,
    state: 'state-1',
    ...params,
  }).toString();
  return url.toString();
}

export function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T };
}

export async function tokenRequest<T = TokenBody>(
  sb: Sandbox,
  form: Record<string, string>,
  authorization: string | null = basicAuth(sb.clientId, sb.clientSecret),
  path = '/restapi/oauth/token',
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (authorization) headers.authorization = authorization;
  const res = await fetch(`${sb.url}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  });
  return answer<T>(res);
}

/** An authorization code for `who`, via the sign-in page, with an S256 PKCE challenge. */
export async function authorizationCode(
  sb: Sandbox,
  who: string,
): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkce();
  const url = authorizeUrl(sb, { code_challenge: challenge, code_challenge_method: 'S256' });
  const location = await sb.approve(url, who);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, verifier };
}

export async function signIn(sb: Sandbox, who: string): Promise<TokenBody> {
  const { code, verifier } = await authorizationCode(sb, who);
  const res = await tokenRequest(sb, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function refresh(sb: Sandbox, refreshToken: string): Promise<Answer<TokenBody>> {
  return tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/**
 * Marks a request that breaks RingCentral's spec on purpose, to see the sandbox refuse it: the
 * run-wide check (test/support/check-request-log.ts) then requires it to break the spec and be
 * refused, instead of failing the run.
 */
export const BREAKS_SPEC = { 'x-sandbox-probe': 'breaks-spec' } as const;

export async function apiGet<T = Record<string, unknown>>(
  sb: Sandbox,
  accessToken: string | null,
  path: string,
  options: { breaksSpec?: boolean } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = accessToken
    ? { authorization: `Bearer ${accessToken}` }
    : {};
  if (options.breaksSpec) Object.assign(headers, BREAKS_SPEC);
  return answer<T>(await fetch(`${sb.url}${path}`, { headers }));
}

export async function apiPost<T = Record<string, unknown>>(
  sb: Sandbox,
  accessToken: string,
  path: string,
  body: unknown,
): Promise<Answer<T>> {
  const res = await fetch(`${sb.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer<T>(res);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records of a list answer, typed loosely for assertions. */
export function records(a: Answer): Array<Record<string, unknown>> {
  return a.body.records as Array<Record<string, unknown>>;
}
