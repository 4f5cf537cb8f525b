// A local stand-in for the Slack Web API and for response_urls. The app reaches it through
// SLACK_API_URL (Bolt's clientOptions.slackApiUrl). The demo and the tests seed users and
// channels and read what it was sent; tests also make the next calls fail or be rate limited the
// way Slack does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ResponseUrlFault, StandInFaults } from './faults';
import { receiveUpload, type SlackFile } from './files';
import { parseApiRequest, readBody, readBytes, sendJson, sendText } from './http';
import { methods } from './methods';
import { handleResponseUrl, type RefusedResponse } from './response-urls';
import {
  type ApiAnswer,
  type ApiArgs,
  fail,
  type RecordedCall,
  type RecordedResponse,
  type ResponseBody,
} from './types';
import { Watched } from './watched';
import {
  type Identity,
  type NewSlackChannel,
  type NewSlackUser,
  type SlackChannel,
  type SlackUser,
  type SlackView,
  Workspace,
} from './workspace';

export type { ResponseUrlFault } from './faults';
export type {
  ApiArgs,
  NewSlackChannel,
  NewSlackUser,
  RecordedCall,
  RecordedResponse,
  ResponseBody,
  SlackChannel,
  SlackFile,
  SlackUser,
  SlackView,
};

export interface SlackStandInOptions {
  teamId?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** The channel every full member is in; slash commands come from it by default. */
  generalChannelId?: string;
  /** When set, other tokens get `invalid_auth` and calls without one `not_authed`. */
  botToken?: string;
  users?: NewSlackUser[];
  channels?: NewSlackChannel[];
  /** Posts a response_url accepts before it answers 404 (Slack: 5 within 30 minutes). */
  responseUrlMaxUses?: number;
  /** The workspace's file size limit (Slack: 1 GB); larger uploads are refused. */
  maxUploadBytes?: number;
}

export interface SlackStandIn {
  /** Base for SLACK_API_URL, ending in '/api/'. */
  url: string;
  identity: Identity;
  /** Every Web API call in arrival order, including failed and rate-limited attempts. */
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first past or future call to `method` that matches. */
  waitFor(
    method: string,
    predicate?: (args: ApiArgs, call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Forgets calls, responses, used triggers and pending failures; keeps users, channels, views. */
  reset(): void;
  users: Map<string, SlackUser>;
  addUser(user: NewSlackUser): SlackUser;
  channels: Map<string, SlackChannel>;
  addChannel(channel: NewSlackChannel): SlackChannel;
  /** Views by id, as last opened, updated or published. */
  views: Map<string, SlackView>;
  /** Uploaded files by id, with their bytes (pending uploads included). */
  files: Map<string, SlackFile>;
  /** The Home tab last published for a user. */
  homeView(userId: string): SlackView | undefined;
  /** The next `count` calls to `method` get HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext(method: string, count: number, retryAfterSec: number): void;
  /** The next `count` (default 1) calls to `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, count?: number): void;
  /** The next `count` (default 1) calls to `method` ('*': any) never answer. */
  hangNext(method: string, count?: number): void;
  /**
   * The next `count` (default 1) posts to response_url `id` ('*': any) are refused with this
   * status (404 `expired_url`, 410 `gone`, 500…), or never answered (`'hang'`).
   */
  failResponseUrl(id: string, fault: ResponseUrlFault | 'hang', count?: number): void;
  /** A response_url served here: `${origin}/response/<id>`. */
  responseUrl(id?: string): string;
  /** Bodies posted to response_urls (one id, or all), in order. */
  responses(id?: string): RecordedResponse[];
  waitForResponse(
    id: string,
    predicate?: (body: ResponseBody, response: RecordedResponse) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedResponse>;
  /** Posts response_urls refused (404, 410, 500, 400 `invalid_blocks`…), in order. */
  refusedResponses: RefusedResponse[];
  /** Makes a response_url answer 404 `expired_url`, as after 30 minutes. */
  expireResponseUrl(id: string): void;
  close(): Promise<void>;
}

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const identity: Identity = {
    teamId: options.teamId ?? 'T0001',
    teamName: options.teamName ?? 'rcnumber test',
    botUserId: options.botUserId ?? 'U0BOT',
    botId: options.botId ?? 'B0BOT',
    appId: options.appId ?? 'A0RCNUMBER',
  };
  const ws = new Workspace(identity, options.generalChannelId ?? 'C0001');
  for (const user of options.users ?? []) ws.addUser(user);
  for (const channel of options.channels ?? []) ws.addChannel(channel);
  const maxUses = options.responseUrlMaxUses ?? 5;
  if (options.maxUploadBytes !== undefined) ws.maxUploadBytes = options.maxUploadBytes;

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

  function authError(token: string | undefined): ApiAnswer | undefined {
    if (options.botToken === undefined) return undefined;
    if (!token) return fail('not_authed');
    return token === options.botToken ? undefined : fail('invalid_auth');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    const parsed = parseApiRequest(req, await readBody(req));
    let status = 200;
    let headers: Record<string, string> = {};
    let answer: ApiAnswer;
    const problem = parsed.error ? fail(parsed.error) : authError(parsed.token);
    if (!problem && faults.hangs.take(method)) {
      // Never answered; the connection closes with the server.
      const hung = fail('hung');
      calls.push({
        method,
        args: parsed.args,
        token: parsed.token,
        at: Date.now(),
        status: 0,
        response: hung,
        ok: false,
        error: 'hung',
      });
      return;
    }
    const retryAfter = problem ? undefined : faults.rateLimits.take(method);
    if (problem) {
      answer = problem;
    } else if (retryAfter !== undefined) {
      status = 429;
      headers = { 'retry-after': String(retryAfter) };
      answer = fail('ratelimited');
    } else {
      const injected = faults.errors.take(method);
      const handler = methods[method];
      if (injected) answer = fail(injected);
      else if (!handler) answer = fail('unknown_method');
      else answer = handler(ws, parsed.args);
    }
    calls.push({
      method,
      args: parsed.args,
      token: parsed.token,
      at: Date.now(),
      status,
      response: answer,
      ok: answer.ok,
      error: answer.error,
    });
    sendJson(res, status, answer, headers);
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
          ? readBytes(req)
              .then((body) => receiveUpload(ws, upload, req.headers['content-type'] ?? '', body))
              .then((answer) => sendText(res, answer.status, answer.text))
          : hook?.[1] !== undefined && req.method === 'POST'
            ? handleResponseUrl(urlState, req, res, decodeURIComponent(hook[1]))
            : Promise.resolve(sendText(res, 404, 'not_found'));
    work.catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('fatal_error', [String(error)]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ws.uploadOrigin = origin;

  return {
    url: `${origin}/api/`,
    identity,
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
      ws.usedTriggers.clear();
    },
    users: ws.users,
    addUser: (user) => ws.addUser(user),
    channels: ws.channels,
    addChannel: (channel) => ws.addChannel(channel),
    views: ws.views,
    files: ws.files,
    homeView(userId) {
      const id = ws.homeViews.get(userId);
      return id === undefined ? undefined : ws.views.get(id);
    },
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
