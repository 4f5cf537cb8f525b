/**
 * The authorization endpoint. A bad client or redirect URI is answered here (never redirected,
 * so a forged link cannot bounce a browser anywhere); other problems go back to the app's
 * redirect URI as `error=…&state=…`. `login_hint` naming someone signs them in at once; without
 * it the sign-in page asks who you are.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OAU, oauthError, type RcHttpError } from '../http/errors';
import { redirect, sendHtml, sendJson } from '../http/io';
import type { RecordedRequest } from '../types';
import { type OAuthEnv, withParams } from './env';
import type { PendingAuthorization } from './pending';
import { errorPage, signInPage } from './sign-in-page';

const SCOPE = 'ReadAccounts';

function refuse(req: IncomingMessage, res: ServerResponse, err: RcHttpError): void {
  // Browsers get a readable page; API clients and tests get the spec's OAuth error body.
  if ((req.headers.accept ?? '').includes('text/html')) {
    const description = String(err.body.error_description ?? err.message);
    sendHtml(res, err.status, errorPage('Sign-in request refused', description));
  } else {
    sendJson(res, err.status, err.body);
  }
}

function finish(
  env: OAuthEnv,
  res: ServerResponse,
  p: Omit<PendingAuthorization, 'expiresAt'>,
  extensionId: string,
): void {
  const { state, ...grant } = p;
  const code = env.store.issueCode({ ...grant, extensionId });
  redirect(res, withParams(p.redirectUri, { code, state }));
}

export function authorize(
  env: OAuthEnv,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  record: RecordedRequest,
): void {
  const q = url.searchParams;
  const client = env.clients.get(q.get('client_id'));
  if (!client) {
    refuse(
      req,
      res,
      oauthError(400, 'invalid_client', OAU.invalidClient, 'Invalid client', 'client_id'),
    );
    return;
  }
  const redirectUri = env.clients.resolveRedirect(client, q.get('redirect_uri'));
  if (!redirectUri) {
    const err = oauthError(
      400,
      'invalid_request',
      OAU.invalidRedirectUri,
      'Invalid redirect URI',
      'redirect_uri',
    );
    refuse(req, res, err);
    return;
  }
  const state = q.get('state');
  const back = (error: string, description: string) =>
    redirect(res, withParams(redirectUri, { error, error_description: description, state }));
  if (q.get('response_type') !== 'code') {
    back('unsupported_response_type', 'Only response_type=code is supported');
    return;
  }
  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method') ?? (challenge ? 'plain' : null);
  if (method !== null && (!challenge || (method !== 'S256' && method !== 'plain'))) {
    back('invalid_request', 'Invalid code_challenge or code_challenge_method');
    return;
  }
  const pending = {
    clientId: client.clientId,
    redirectUri,
    redirectUriGiven: q.get('redirect_uri') !== null,
    scope: q.get('scope') || SCOPE,
    state,
    ...(challenge ? { challenge: { value: challenge, method: method as 'S256' | 'plain' } } : {}),
  };
  const hint = q.get('login_hint');
  const person = hint ? env.accounts.findPerson(hint) : undefined;
  if (person) {
    record.extensionId = person.extensionId;
    finish(env, res, pending, person.extensionId);
    return;
  }
  if ((q.get('prompt') ?? '').split(' ').includes('none')) {
    back('login_required', 'The user is not signed in');
    return;
  }
  const requestId = env.pending.create(pending);
  const notice = hint ? `No one can sign in as "${hint}".` : undefined;
  sendHtml(res, 200, page(env, requestId, client.clientId, notice));
}

function page(env: OAuthEnv, requestId: string, clientId: string, notice?: string): string {
  const { companyName } = env.accounts.primary.company;
  return signInPage({
    requestId,
    clientId,
    companyName,
    people: env.accounts.people,
    ...(notice ? { notice } : {}),
  });
}

/** POST from the sign-in page: sign in as the chosen person, or deny. */
export function decide(
  env: OAuthEnv,
  res: ServerResponse,
  form: URLSearchParams,
  deny: boolean,
  record: RecordedRequest,
): void {
  const requestId = form.get('request') ?? '';
  const pending = env.pending.get(requestId);
  if (!pending) {
    sendHtml(res, 400, errorPage('Sign-in expired', 'Start the sign-in from the app again.'));
    return;
  }
  if (deny) {
    env.pending.delete(requestId);
    const params = {
      error: 'access_denied',
      error_description: 'The user denied access',
      state: pending.state,
    };
    redirect(res, withParams(pending.redirectUri, params));
    return;
  }
  const chosen = form.get('extensionId');
  const who = form.get('who') ?? '';
  const person = chosen ? env.accounts.personById(chosen) : env.accounts.findPerson(who);
  if (!person) {
    sendHtml(
      res,
      200,
      page(env, requestId, pending.clientId, `No one can sign in as "${chosen ?? who}".`),
    );
    return;
  }
  env.pending.delete(requestId);
  record.extensionId = person.extensionId;
  const { expiresAt: _expired, ...request } = pending;
  finish(env, res, request, person.extensionId);
}
