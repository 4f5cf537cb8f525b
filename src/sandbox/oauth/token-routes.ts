/**
 * The token and revoke endpoints: form-encoded, client authenticated by HTTP Basic (or
 * `client_id` for a public client), throttled in the Auth group per app and user.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, invalidGrant, OAU, oauthError, RcHttpError } from '../http/errors';
import { contentTypeOf, sendEmpty, sendJson } from '../http/io';
import type { RecordedRequest } from '../types';
import type { OAuthEnv } from './env';
import type { RequestedTtl, TokenPair } from './token-store';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const FORM = 'application/x-www-form-urlencoded';

function readForm(req: IncomingMessage, body: string, url: URL): URLSearchParams {
  if (body !== '' && contentTypeOf(req) !== FORM) {
    throw new RcHttpError(415, {
      error: 'invalid_request',
      error_description: `Unsupported Media Type: use ${FORM}`,
      errorCode: 'OAU-100',
      message: 'Unsupported Media Type',
      errors: [{ errorCode: 'OAU-100', message: 'Unsupported Media Type' }],
    });
  }
  const form = new URLSearchParams(body);
  // The spec lets revoke take its token in the query string too.
  for (const [k, v] of url.searchParams) if (!form.has(k)) form.set(k, v);
  return form;
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) {
    throw oauthError(
      400,
      'invalid_request',
      OAU.missingParameter,
      `Parameter [${name}] is missing`,
      name,
    );
  }
  return value;
}

function ttlParam(form: URLSearchParams, name: string): number | undefined {
  const raw = form.get(name);
  if (raw === null || raw === '') return undefined;
  // An SDK restored without its expiry fields sends `NaN` here, which is refused. The SDK itself
  // sends `-1` after a 401 (it cancels the access token first): that means "the default".
  if (!/^-?\d{1,10}$/.test(raw)) {
    throw oauthError(
      400,
      'invalid_request',
      OAU.invalidParameter,
      `Parameter [${name}] is invalid`,
      name,
    );
  }
  const value = Number(raw);
  return value > 0 ? value : undefined;
}

/** The JWT grant: the assertion's `sub` (extension id, email or extension number) signs in. */
function jwtSubject(env: OAuthEnv, assertion: string): string {
  const payload = assertion.split('.')[1] ?? '';
  let sub: unknown;
  try {
    sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
  } catch {
    sub = undefined;
  }
  const who = typeof sub === 'string' ? sub : '';
  const person = env.accounts.personById(who) ?? env.accounts.findPerson(who);
  if (!person) throw invalidGrant(OAU.userNotFound, 'Invalid assertion: unknown subject');
  return person.extensionId;
}

function limit(env: OAuthEnv, clientId: string, extensionId: string | null) {
  const decision = env.limiter.take(clientId, extensionId ?? '-', 'Auth');
  if (!decision.allowed) {
    const headers = { ...decision.headers, 'Retry-After': String(decision.retryAfterSec) };
    throw apiError(429, 'CMN-301', 'Request rate exceeded', {}, headers);
  }
  return decision.headers;
}

export function token(
  env: OAuthEnv,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
  record: RecordedRequest,
): void {
  const form = readForm(req, body, url);
  const grantType = form.get('grant_type') ?? '';
  if (grantType) record.grantType = grantType;
  const client = env.clients.authenticate(req, form);
  const owner =
    grantType === 'authorization_code'
      ? env.store.codeOwner(form.get('code') ?? '')
      : grantType === 'refresh_token'
        ? env.store.refreshOwner(form.get('refresh_token') ?? '')
        : null;
  record.extensionId = owner;
  const headers = limit(env, client.clientId, owner);
  const ttl: RequestedTtl = {};
  const accessTtl = ttlParam(form, 'access_token_ttl');
  const refreshTtl = ttlParam(form, 'refresh_token_ttl');
  if (accessTtl !== undefined) ttl.accessTtlSec = accessTtl;
  if (refreshTtl !== undefined) ttl.refreshTtlSec = refreshTtl;
  let pair: TokenPair;
  const clientId = client.clientId;
  if (grantType === 'authorization_code') {
    const code = required(form, 'code');
    const redirectUri = form.get('redirect_uri') ?? undefined;
    const codeVerifier = form.get('code_verifier') ?? undefined;
    pair = env.store.redeemCode({ code, clientId, redirectUri, codeVerifier }, ttl);
  } else if (grantType === 'refresh_token') {
    pair = env.store.refresh({ refreshToken: required(form, 'refresh_token'), clientId }, ttl);
  } else if (grantType === JWT_GRANT) {
    const extensionId = jwtSubject(env, required(form, 'assertion'));
    record.extensionId = extensionId;
    pair = env.store.startSession(clientId, extensionId, form.get('scope') || 'ReadAccounts', ttl);
  } else if (grantType === '') {
    required(form, 'grant_type');
    return;
  } else {
    throw oauthError(
      400,
      'unsupported_grant_type',
      OAU.unsupportedGrant,
      'Unsupported grant type',
      'grant_type',
    );
  }
  record.extensionId = pair.session.extensionId;
  sendJson(res, 200, env.store.tokenResponse(pair), {
    ...headers,
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
}

export function revoke(
  env: OAuthEnv,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
  record: RecordedRequest,
): void {
  const form = readForm(req, body, url);
  const client = env.clients.authenticate(req, form);
  const tokenValue = form.get('token') ?? '';
  const owner = env.store.refreshOwner(tokenValue) ?? env.store.accessOwner(tokenValue);
  record.extensionId = owner;
  const headers = limit(env, client.clientId, owner);
  // RFC 7009: an unknown or already revoked token is not an error.
  env.store.revoke(tokenValue);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendEmpty(res, 200);
}
