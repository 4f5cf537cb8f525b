/**
 * A minimal local Slack for the demo: the Web API methods the app calls, answered the way Slack
 * answers them for one workspace, and the response_urls the app replies to. The app reaches it
 * through SLACK_API_URL, exactly as it would reach slack.com.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DemoMember {
  id: string;
  name: string;
  email: string;
}

/** Something the app posted to a response_url. */
export interface PostedReply {
  id: string;
  body: { text?: string; blocks?: unknown[]; [field: string]: unknown };
}

export interface SlackStandIn {
  /** Base URL for SLACK_API_URL, ending in `/api/`. */
  apiUrl: string;
  teamId: string;
  /** A new response_url; what is posted to it is kept under `id`. */
  responseUrl(id: string): string;
  /** Resolves with the first reply (past or future) to `id` that `accept` takes. */
  nextReply(
    id: string,
    accept: (reply: PostedReply) => boolean,
    timeoutMs?: number,
  ): Promise<PostedReply>;
  close(): Promise<void>;
}

type Args = Record<string, unknown>;
type Answer = Record<string, unknown>;

const BOT_USER_ID = 'U0RCNUMBER';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The Web API takes form bodies or JSON; either way the arguments are a flat object. */
function parseArgs(req: IncomingMessage, raw: string): Args {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    return raw ? (JSON.parse(raw) as Args) : {};
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function userJson(teamId: string, member: DemoMember) {
  return {
    id: member.id,
    team_id: teamId,
    name: member.name.toLowerCase().replace(/\s+/g, '.'),
    real_name: member.name,
    deleted: false,
    is_bot: false,
    is_restricted: false,
    is_ultra_restricted: false,
    profile: { email: member.email, real_name: member.name, display_name: member.name },
  };
}

function methods(teamId: string, members: DemoMember[]): Record<string, (args: Args) => Answer> {
  const byId = (id: unknown) => members.find((m) => m.id === id);
  let ts = 1_700_000_000;
  const nextTs = () => `${++ts}.000100`;
  return {
    'auth.test': () => ({
      ok: true,
      url: 'https://rcnumber-demo.slack.com/',
      team: 'rcnumber demo',
      team_id: teamId,
      user: 'rcnumber',
      user_id: BOT_USER_ID,
      bot_id: 'B0RCNUMBER',
    }),
    'users.info': (args) => {
      const member = byId(args.user);
      return member
        ? { ok: true, user: userJson(teamId, member) }
        : { ok: false, error: 'user_not_found' };
    },
    'users.lookupByEmail': (args) => {
      const email = String(args.email ?? '').toLowerCase();
      const member = members.find((m) => m.email.toLowerCase() === email);
      return member
        ? { ok: true, user: userJson(teamId, member) }
        : { ok: false, error: 'users_not_found' };
    },
    'chat.postMessage': (args) => ({ ok: true, channel: args.channel, ts: nextTs() }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'conversations.open': (args) => ({
      ok: true,
      channel: { id: `D${String(args.users ?? 'X')}` },
    }),
    'conversations.info': (args) => ({
      ok: true,
      channel: { id: args.channel, name: 'general', is_member: true, is_private: false },
    }),
    'conversations.members': () => ({ ok: true, members: members.map((m) => m.id) }),
  };
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startSlackStandIn(
  teamId: string,
  members: DemoMember[],
): Promise<SlackStandIn> {
  const handlers = methods(teamId, members);
  const replies: PostedReply[] = [];
  const waiters = new Set<() => void>();
  let viewSeq = 0;

  const answer = (method: string, args: Args): Answer => {
    const handler = handlers[method];
    if (handler) return handler(args);
    // views.open / update / publish: the app only needs to know they worked.
    if (method.startsWith('views.')) return { ok: true, view: { id: `V${++viewSeq}` } };
    return { ok: true };
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    readBody(req)
      .then((raw) => {
        const api = /^\/api\/([\w.]+)$/.exec(path);
        if (api?.[1]) return sendJson(res, answer(api[1], parseArgs(req, raw)));
        const hook = /^\/response\/([^/]+)$/.exec(path);
        if (hook?.[1] && req.method === 'POST') {
          replies.push({ id: decodeURIComponent(hook[1]), body: JSON.parse(raw) });
          for (const wake of waiters) wake();
          res.writeHead(200).end('ok');
          return;
        }
        res.writeHead(404).end('not_found');
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(400).end('invalid_payload');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    teamId,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    nextReply(id, accept, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = replies.find((reply) => reply.id === id && accept(reply));
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no reply to ${id} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
