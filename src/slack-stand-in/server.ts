// A local stand-in for the Slack Web API and for response_urls. The app reaches it through
// SLACK_API_URL (Bolt's clientOptions.slackApiUrl). The demo and the tests seed users and
// channels and read what it was sent; tests also make the next calls fail or be rate limited the
// way Slack does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiveUpload, type SlackFile } from './files';
import { parseApiRequest, readBody, readBytes, sendJson, sendText } from './http';
import { methods } from './methods';
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
  /** A response_url served here: `${origin}/response/<id>`. */
  responseUrl(id?: string): string;
  /** Bodies posted to response_urls (one id, or all), in order. */
  responses(id?: string): RecordedResponse[];
  waitForResponse(
    id: string,
    predicate?: (body: ResponseBody, response: RecordedResponse) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedResponse>;
  /** Makes a response_url answer 404 `expired_url`, as after 30 minutes. */
  expireResponseUrl(id: string): void;
  close(): Promise<void>;
}

interface Failure {
  error: string;
  remaining: number;
}

interface RateLimit {
  retryAfterSec: number;
  remaining: number;
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
  const failures = new Map<string, Failure[]>();
  const rateLimits = new Map<string, RateLimit>();
  const uses = new Map<string, number>();
  const expired = new Set<string>();
  let responseSeq = 0;

  function takeFailure(method: string): string | undefined {
    const queue = failures.get(method);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.error;
  }

  function takeRateLimit(method: string): number | undefined {
    const limit = rateLimits.get(method);
    if (!limit || limit.remaining <= 0) return undefined;
    limit.remaining -= 1;
    return limit.retryAfterSec;
  }

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
    const retryAfter = problem ? undefined : takeRateLimit(method);
    if (problem) {
      answer = problem;
    } else if (retryAfter !== undefined) {
      status = 429;
      headers = { 'retry-after': String(retryAfter) };
      answer = fail('ratelimited');
    } else {
      const injected = takeFailure(method);
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

  async function handleResponseUrl(req: IncomingMessage, res: ServerResponse, id: string) {
    const raw = await readBody(req);
    if (expired.has(id)) return sendText(res, 404, 'expired_url');
    const used = uses.get(id) ?? 0;
    if (used >= maxUses) return sendText(res, 404, 'used_url');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendText(res, 400, 'invalid_payload');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendText(res, 400, 'invalid_payload');
    }
    uses.set(id, used + 1);
    responses.push({ id, body: body as ResponseBody, at: Date.now() });
    sendText(res, 200, 'ok');
  }

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
            ? handleResponseUrl(req, res, decodeURIComponent(hook[1]))
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
      failures.clear();
      rateLimits.clear();
      uses.clear();
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
      rateLimits.set(method, { retryAfterSec, remaining: count });
    },
    failNext(method, error, count = 1) {
      const queue = failures.get(method) ?? [];
      queue.push({ error, remaining: count });
      failures.set(method, queue);
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
