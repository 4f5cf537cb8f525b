// A local stand-in for the Slack Web API, its install flow and response_urls. The app reaches it
// through SLACK_API_URL (Bolt's clientOptions.slackApiUrl). The demo and the tests seed
// workspaces, users and channels and read what it was sent; tests also make the next calls fail,
// hang or be rate limited the way Slack does. Each bot token acts in its own workspace only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StandInFaults } from './faults';
import { receiveUpload } from './files';
import { type Grant, Grants } from './grants';
import { parseApiRequest, readBody, readBytes, sendJson, sendText } from './http';
import { AS_PARAMS, Installs } from './installs';
import { methods } from './methods';
import { handleOf, Registry } from './registry';
import { handleResponseUrl, type RefusedResponse } from './response-urls';
import type { SlackStandIn, SlackStandInOptions } from './stand-in-types';
import { type ApiAnswer, fail, type RecordedCall, type RecordedResponse } from './types';
import { Watched } from './watched';

export type { ResponseUrlFault } from './faults';
export type { SlackFile } from './files';
export type * from './stand-in-types';
export type {
  ApiArgs,
  RecordedCall,
  RecordedResponse,
  ResponseBody,
} from './types';
export type {
  NewSlackChannel,
  NewSlackUser,
  SlackChannel,
  SlackUser,
  SlackView,
} from './workspace';

const AUTHORIZE_PATH = '/oauth/v2/authorize';

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const appId = options.appId ?? 'A0RCNUMBER';
  const registry = new Registry(appId);
  const { workspaces, enterprises } = registry;
  const primary = registry.add({ ...options, teamId: options.teamId ?? 'T0001' });
  const grants = new Grants(
    workspaces,
    enterprises,
    primary,
    options.strictTokens ?? options.botToken !== undefined,
  );
  if (options.botToken) grants.accept(options.botToken, primary.grant());
  const installs = options.oauthClient
    ? new Installs(grants, workspaces, enterprises, options.oauthClient, appId)
    : undefined;
  const maxUses = options.responseUrlMaxUses ?? 5;
  if (options.maxUploadBytes !== undefined) primary.maxUploadBytes = options.maxUploadBytes;

  const calls = new Watched<RecordedCall>('Slack Web API call', (items) =>
    items.map((call) => (call.ok ? call.method : `${call.method} (${call.error})`)).join(', '),
  );
  const responses = new Watched<RecordedResponse>('response_url post', (items) =>
    items
      .map((response) => `${response.id}: ${JSON.stringify(response.body).slice(0, 80)}`)
      .join('; '),
  );
  const faults = new StandInFaults();
  const refused: RefusedResponse[] = [];
  const uses = new Map<string, number>();
  const expired = new Set<string>();
  let responseSeq = 0;

  /**
   * Answers one method, in the workspace its token acts in: a refused token first, then a hang,
   * rate limit or failure asked for, then the method itself. `hang` means never answered.
   */
  function answerFor(
    method: string,
    token: string | undefined,
    args: RecordedCall['args'],
  ): { answer: ApiAnswer; teamId?: string; retryAfter?: number; hang?: boolean } {
    // The install flow's exchange authenticates with the app's credentials, not a token.
    if (method === 'oauth.v2.access') {
      return { answer: installs ? installs.access(args) : fail('unknown_method') };
    }
    const place = grants.resolve(token, args);
    if ('error' in place) return { answer: place.error };
    const teamId = 'ws' in place ? place.ws.identity.teamId : undefined;
    if (faults.hangs.take(method)) return { answer: fail('hung'), teamId, hang: true };
    const retryAfter = faults.rateLimits.take(method);
    if (retryAfter !== undefined) return { answer: fail('ratelimited'), teamId, retryAfter };
    if ('org' in place) return { answer: registry.orgAnswer(method, place.org) };
    const injected = faults.errors.take(method);
    const handler = methods[method];
    const answer: ApiAnswer = injected
      ? fail(injected)
      : handler
        ? handler(place.ws, args, { grant: place.grant })
        : fail('unknown_method');
    return { answer, teamId: place.ws.identity.teamId };
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    const parsed = parseApiRequest(req, await readBody(req));
    const outcome = parsed.error
      ? { answer: fail(parsed.error), teamId: undefined, retryAfter: undefined, hang: false }
      : answerFor(method, parsed.token, parsed.args);
    const { answer, retryAfter } = outcome;
    const status = outcome.hang ? 0 : retryAfter === undefined ? 200 : 429;
    calls.push({
      method,
      args: parsed.args,
      token: parsed.token,
      teamId: outcome.teamId,
      at: Date.now(),
      status,
      response: answer,
      ok: answer.ok,
      error: answer.error,
    });
    // A hung call is never answered; the connection closes with the server.
    if (outcome.hang) return;
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
    sendJson(res, status, answer, headers);
  }

  /** An upload's bytes go to the workspace that handed out its upload URL. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, fileId: string) {
    const body = await readBytes(req);
    const ws = [...workspaces.values()].find((w) => w.files.has(fileId)) ?? primary;
    const answer = await receiveUpload(ws, fileId, req.headers['content-type'] ?? '', body);
    sendText(res, answer.status, answer.text);
  }

  function handleAuthorize(req: IncomingMessage, res: ServerResponse) {
    if (!installs) return sendText(res, 404, 'not_found');
    const outcome = installs.authorize(new URL(req.url ?? '/', 'http://localhost'));
    if ('refused' in outcome) return sendText(res, 400, outcome.refused);
    res.writeHead(302, { location: outcome.location });
    res.end();
  }

  const urlState = { faults, responses, refused, uses, expired, maxUses };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const api = /^\/api\/([\w.]+)$/.exec(path);
    const hook = /^\/response\/([^/]+)$/.exec(path);
    const upload = /^\/upload\/v1\/(F[A-Z0-9]+)$/.exec(path)?.[1];
    const work =
      api?.[1] !== undefined && (req.method === 'POST' || req.method === 'GET')
        ? handleApi(req, res, api[1])
        : upload !== undefined && req.method === 'POST'
          ? handleUpload(req, res, upload)
          : hook?.[1] !== undefined && req.method === 'POST'
            ? handleResponseUrl(urlState, req, res, decodeURIComponent(hook[1]))
            : path === AUTHORIZE_PATH && req.method === 'GET'
              ? Promise.resolve(handleAuthorize(req, res))
              : Promise.resolve(sendText(res, 404, 'not_found'));
    work.catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('fatal_error', [String(error)]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  registry.uploadOrigin = origin;
  const grantOf = (of: { teamId: string } | { enterpriseId: string }): Grant =>
    'teamId' in of
      ? { kind: 'team', teamId: of.teamId }
      : { kind: 'enterprise', enterpriseId: of.enterpriseId };

  return {
    ...handleOf(primary),
    url: `${origin}/api/`,
    calls: calls.items,
    callsTo: (method) => calls.items.filter((call) => call.method === method),
    waitFor: (method, predicate, timeoutMs) =>
      calls.waitFor(
        (call) => call.method === method && (predicate?.(call.args, call) ?? true),
        method,
        timeoutMs,
      ),
    reset() {
      calls.clear();
      responses.clear();
      faults.clear();
      uses.clear();
      refused.length = 0;
      expired.clear();
      for (const ws of workspaces.values()) ws.usedTriggers.clear();
    },
    addWorkspace: (input) => handleOf(registry.add(input)),
    workspace(teamId) {
      const ws = workspaces.get(teamId);
      return ws ? handleOf(ws) : undefined;
    },
    async approveInstall(authorizeUrl, as) {
      const url = new URL(authorizeUrl);
      url.searchParams.set(AS_PARAMS.user, as.userId);
      if (as.teamId) url.searchParams.set(AS_PARAMS.team, as.teamId);
      if (as.enterpriseId) url.searchParams.set(AS_PARAMS.enterprise, as.enterpriseId);
      if (as.deny) url.searchParams.set(AS_PARAMS.deny, '1');
      const answer = await fetch(url, { redirect: 'manual' });
      const location = answer.headers.get('location');
      const body = await answer.text();
      if (answer.status !== 302 || !location) {
        throw new Error(`the authorize page answered ${answer.status}: ${body}`);
      }
      return location;
    },
    botTokens: (of) => grants.live(grantOf(of)),
    uninstall: (from) => grants.revoke(grantOf(from)),
    rateLimitNext(method, count, retryAfterSec) {
      faults.rateLimits.add(method, retryAfterSec, count);
    },
    failNext(method, error, count = 1) {
      faults.errors.add(method, error, count);
    },
    hangNext(method, count = 1) {
      faults.hangs.add(method, true, count);
    },
    failResponseUrl(id, fault, count = 1) {
      faults.responseUrls.add(id, fault, count);
    },
    responseUrl(id) {
      responseSeq += 1;
      return `${origin}/response/${encodeURIComponent(id ?? `R${String(responseSeq).padStart(6, '0')}`)}`;
    },
    responses: (id) =>
      id === undefined ? [...responses.items] : responses.items.filter((r) => r.id === id),
    waitForResponse: (id, predicate, timeoutMs) =>
      responses.waitFor(
        (response) => response.id === id && (predicate?.(response.body, response) ?? true),
        `response_url ${id}`,
        timeoutMs,
      ),
    refusedResponses: refused,
    expireResponseUrl(id) {
      expired.add(id);
    },
    async close() {
      calls.cancel('the Slack stand-in was closed');
      responses.cancel('the Slack stand-in was closed');
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
