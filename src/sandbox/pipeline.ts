/**
 * What happens to each request: record it, add the test's latency, then either the OAuth routes
 * or an Account API route, which authenticates the bearer token, applies queued faults, takes
 * from the rate limit and only then runs the handler (and waits, if a test holds its answer).
 * Every API answer carries the X-Rate-Limit-* headers of its group.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiContext, type Caller, NO_CONTENT } from './api/context';
import { matchRoute } from './api/routes';
import type { Accounts } from './company/accounts';
import type { CompanyIndex } from './company/company-index';
import {
  apiError,
  RcHttpError,
  refusedParameter,
  routeNotFound,
  tokenExpired,
  tokenInvalid,
} from './http/errors';
import { readBody, sendEmpty, sendJson } from './http/io';
import { sendAnswer } from './http/multipart';
import { answerFault } from './limits/fault-answers';
import type { FaultQueue } from './limits/faults';
import type { RateLimiter } from './limits/rate-limiter';
import type { SubscriptionRegistry } from './notifications/subscriptions';
import type { WsTokens } from './notifications/ws-tokens';
import { authorize, decide } from './oauth/authorize-routes';
import type { OAuthEnv } from './oauth/env';
import { APPROVE_PATH, DENY_PATH } from './oauth/sign-in-page';
import { revoke, token } from './oauth/token-routes';
import type { TokenStore } from './oauth/token-store';
import type { RequestLog } from './recorder';
import { type ParameterProblem, parameterProblems } from './spec/validate-request';
import type { RateGroup, RecordedRequest } from './types';

const TOKEN_PATH = '/restapi/oauth/token';
const REVOKE_PATH = '/restapi/oauth/revoke';

export interface PipelineDeps {
  accounts: Accounts;
  store: TokenStore;
  limiter: RateLimiter;
  faults: FaultQueue;
  log: RequestLog;
  oauth: OAuthEnv;
  subscriptions: SubscriptionRegistry;
  wsTokens: WsTokens;
  /** The app permissions of the app (the same for every client of this sandbox). */
  appPermissions: ReadonlySet<string>;
  base(): string;
}

function withHeaders(err: RcHttpError, headers: Record<string, string>): RcHttpError {
  return new RcHttpError(err.status, err.body, { ...headers, ...err.headers });
}

function authenticate(
  deps: PipelineDeps,
  req: IncomingMessage,
  group: RateGroup,
  record: RecordedRequest,
): { caller: Caller; index: CompanyIndex } {
  const headers = deps.limiter.headersOnly(group);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) {
    throw withHeaders(tokenInvalid('Authorization header is not specified'), headers);
  }
  const check = deps.store.checkAccess(match[1]);
  if (!check.ok) {
    record.extensionId = check.extensionId ?? null;
    throw withHeaders(check.reason === 'expired' ? tokenExpired() : tokenInvalid(), headers);
  }
  // A token reads the account its owner belongs to, and no other.
  const index = deps.accounts.forExtension(check.pair.session.extensionId);
  const extension = index?.extension(check.pair.session.extensionId);
  if (!index || !extension) throw withHeaders(tokenInvalid(), headers);
  const caller = { clientId: check.pair.session.clientId, extension, isAdmin: extension.isAdmin };
  return { caller, index };
}

async function serveApi(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
  record: RecordedRequest,
): Promise<void> {
  const method = req.method ?? 'GET';
  const match = matchRoute(method, url.pathname);
  if (!match?.route) throw routeNotFound();
  const { route, params, operation } = match;
  const group = operation.group as RateGroup;
  record.group = group;
  const { caller, index } = authenticate(deps, req, group, record);
  record.extensionId = caller.extension.id;
  const fault = deps.faults.take(url.pathname, true);
  const faultHeaders = deps.limiter.headersOnly(group);
  if (fault?.kind === 'status') throw withHeaders(fault.error, faultHeaders);
  if (fault && answerFault(fault, res, faultHeaders)) return;
  const decision = deps.limiter.take(caller.clientId, caller.extension.id, group);
  if (!decision.allowed) {
    const retry = { 'Retry-After': String(decision.retryAfterSec) };
    throw apiError(429, 'CMN-301', 'Request rate exceeded', {}, { ...decision.headers, ...retry });
  }
  // As RingCentral does: parameters the spec does not allow are refused before any work.
  const problems = parameterProblems(operation, match.pathParams, url.searchParams);
  if (problems.length > 0) {
    record.specProblems = problems.map((p) => `${p.name} ${p.reason}`);
    throw withHeaders(refusedParameter(problems[0] as ParameterProblem), decision.headers);
  }
  const { appPermissions } = deps;
  const ctx: ApiContext = {
    index,
    base: deps.base(),
    url,
    caller,
    body,
    subscriptions: deps.subscriptions,
    wsTokens: deps.wsTokens,
    appPermissions,
  };
  let result: unknown;
  try {
    result = await route.handle(ctx, params);
  } catch (e) {
    throw e instanceof RcHttpError ? withHeaders(e, decision.headers) : e;
  }
  // Served as things stood on arrival; a test may hold the answer back on its way.
  await deps.faults.held(url.pathname);
  if (result === NO_CONTENT) {
    for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
    sendEmpty(res, 204);
  } else {
    sendAnswer(res, result, decision.headers);
  }
}

function serveOAuth(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
  record: RecordedRequest,
): boolean {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const env = deps.oauth;
  const form = () => new URLSearchParams(body);
  if (method === 'GET' && path === '/restapi/oauth/authorize') {
    authorize(env, req, res, url, record);
  } else if (method === 'POST' && (path === APPROVE_PATH || path === DENY_PATH)) {
    decide(env, res, form(), path === DENY_PATH, record);
  } else if (method === 'POST' && path === TOKEN_PATH) {
    token(env, req, res, url, body, record);
  } else if (method === 'POST' && path === REVOKE_PATH) {
    revoke(env, req, res, url, body, record);
  } else {
    return false;
  }
  return true;
}

export function createHandler(deps: PipelineDeps) {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const rawQuery = (req.url ?? '').includes('?')
      ? (req.url ?? '').split('?').slice(1).join('?')
      : '';
    const record = deps.log.start(req.method ?? 'GET', rawPath, rawQuery);
    // A test that sends a request the spec rules out, on purpose, says so (see README).
    if (req.headers['x-sandbox-probe'] === 'breaks-spec') record.probe = true;
    res.setHeader('RCRequestId', randomUUID());
    try {
      const url = new URL(req.url ?? '/', deps.base());
      const body = await readBody(req);
      if (deps.faults.delayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, deps.faults.delayMs));
      }
      const isOAuth = url.pathname.startsWith('/restapi/oauth/');
      if (isOAuth) {
        if (url.pathname === TOKEN_PATH || url.pathname === REVOKE_PATH) record.group = 'Auth';
        const fault = deps.faults.take(url.pathname, false);
        if (fault?.kind === 'status') throw fault.error;
        if (fault && answerFault(fault, res, {})) {
          record.status = res.statusCode;
          return;
        }
      }
      if (!(isOAuth && serveOAuth(deps, req, res, url, body, record))) {
        await serveApi(deps, req, res, url, body, record);
      }
    } catch (e) {
      const err = e instanceof RcHttpError ? e : apiError(500, 'CMN-202', 'Internal server error');
      if (!(e instanceof RcHttpError)) process.stderr.write(`sandbox: ${String(e)}\n`);
      if (!res.headersSent) sendJson(res, err.status, err.body, err.headers);
      else res.end();
    }
    record.status = res.statusCode;
    deps.log.finish(record);
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res);
  };
}
