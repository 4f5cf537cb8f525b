/**
 * RingCentral's WebSocket gateway, on the sandbox's own loopback server, as RingCentral's guide
 * describes it: a client connects to `uri?access_token=<ws token>` (with `&wsc=<token>` to
 * recover a dropped session), is greeted by a ConnectionDetails message, and sends
 * ClientRequest messages (`[meta, body]` JSON arrays with `messageId`, `method`, `path`),
 * answered in kind with the status; subscriptions made that way (transport `WebSocket`) hear
 * the same events as webhooks, pushed as ServerNotification messages to their own session only.
 * A session dropped for less than its recovery timeout is recovered with its subscriptions and
 * the events it missed; later, a new session starts and the old one's subscriptions are gone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Caller } from '../api/context';
import { renderSubscription } from '../api/subscription-routes';
import type { Accounts } from '../company/accounts';
import { apiError, RcHttpError, routeNotFound } from '../http/errors';
import type { FaultQueue } from '../limits/faults';
import { createRequest } from './subscription-body';
import type { SandboxSubscription, SubscriptionRegistry } from './subscriptions';
import type { WsTokens } from './ws-tokens';

export const WS_PATH = '/ws';
const RECOVERY_TIMEOUT_SEC = 180;
const RECOVERY_BUFFER = 100;
const REPLAY_AFTER_MS = 50;
const SUBSCRIPTION = /^\/restapi\/v1\.0\/subscription\/?([^/?]*)$/;

interface Session {
  wsc: string;
  sequence: number;
  clientId: string;
  extensionId: string;
  socket: WebSocket | null;
  closedAt: number | null;
  /** Events that came while the socket was down, sent again on recovery. */
  missed: unknown[];
}

export interface GatewayDeps {
  tokens: WsTokens;
  accounts: Accounts;
  subscriptions: SubscriptionRegistry;
  base(): string;
  now?: () => number;
  /** A status fault queued for the path `/ws` refuses the next handshakes with its status. */
  faults?: FaultQueue;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export class WsGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;

  constructor(private readonly deps: GatewayDeps) {
    this.now = deps.now ?? Date.now;
    deps.subscriptions.socketDelivery = (subscription, event) => this.push(subscription, event);
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
      const fault = this.deps.faults?.take(url.pathname, false);
      if (fault?.kind === 'status') return refuse(socket, fault.error.status, 'Refused');
      const grant = this.deps.tokens.check(url.searchParams.get('access_token') ?? '');
      if (!grant) return refuse(socket, 401, 'Unauthorized');
      this.wss.handleUpgrade(req, socket, head, (ws) =>
        this.connected(ws, grant, url.searchParams.get('wsc')),
      );
    });
  }

  /** Open connections, of one extension or all. */
  openSockets(extensionId?: string): number {
    return [...this.sessions.values()].filter(
      (s) => s.socket !== null && (extensionId === undefined || s.extensionId === extensionId),
    ).length;
  }

  /** Cuts open connections (of one extension, or all) as a network fault would; how many. */
  drop(extensionId?: string): number {
    let dropped = 0;
    for (const session of this.sessions.values()) {
      if (!session.socket || (extensionId !== undefined && session.extensionId !== extensionId)) {
        continue;
      }
      session.socket.terminate();
      // Down from now on: what comes meanwhile is kept for a recovery.
      session.socket = null;
      session.closedAt = this.now();
      dropped += 1;
    }
    return dropped;
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private connected(
    ws: WebSocket,
    grant: { clientId: string; extensionId: string },
    wsc: string | null,
  ): void {
    this.expire();
    const old = wsc ? this.sessions.get(wsc) : undefined;
    const recovered =
      old !== undefined &&
      old.socket === null &&
      old.clientId === grant.clientId &&
      old.extensionId === grant.extensionId;
    const session: Session = recovered
      ? old
      : {
          wsc: randomBytes(16).toString('hex'),
          sequence: 0,
          ...grant,
          socket: null,
          closedAt: null,
          missed: [],
        };
    this.sessions.set(session.wsc, session);
    session.socket = ws;
    session.closedAt = null;
    ws.on('error', () => undefined);
    ws.on('message', (data) => void this.message(session, ws, String(data)));
    ws.on('close', () => {
      if (session.socket !== ws) return;
      session.socket = null;
      session.closedAt = this.now();
    });
    this.send(session, 'ConnectionDetails', randomUUID(), 200, {
      creationTime: new Date(this.now()).toISOString(),
      maxConnectionsPerSession: 1,
      recoveryBufferSize: RECOVERY_BUFFER,
      recoveryTimeout: RECOVERY_TIMEOUT_SEC,
      idleTimeout: 1800,
      absoluteTimeout: 86400,
      maxActiveRequests: 10,
      ...(wsc ? { recoveryState: recovered ? 'Successful' : 'Failed' } : {}),
    });
    // After the client has read ConnectionDetails and listens on its new socket again.
    const missed = session.missed.splice(0);
    if (missed.length > 0) {
      setTimeout(() => {
        for (const event of missed) this.notify(session, event);
      }, REPLAY_AFTER_MS);
    }
  }

  /** Sessions dropped longer than the recovery timeout end, and their subscriptions with them. */
  private expire(): void {
    for (const session of this.sessions.values()) {
      const closedAt = session.closedAt;
      if (closedAt !== null && this.now() - closedAt > RECOVERY_TIMEOUT_SEC * 1000) {
        this.sessions.delete(session.wsc);
        this.deps.subscriptions.removeSession(session.wsc);
      }
    }
  }

  private push(subscription: SandboxSubscription, event: unknown): boolean {
    this.expire();
    const session = subscription.socketSession
      ? this.sessions.get(subscription.socketSession)
      : undefined;
    if (!session) return false;
    if (session.socket?.readyState === WebSocket.OPEN) this.notify(session, event);
    else if (session.missed.length < RECOVERY_BUFFER) session.missed.push(event);
    return true;
  }

  private notify(session: Session, event: unknown): void {
    this.send(session, 'ServerNotification', randomUUID(), 200, event);
  }

  private send(session: Session, type: string, messageId: string, status: number, body?: unknown) {
    session.sequence += 1;
    const meta = {
      type,
      messageId,
      status,
      headers: { RCRequestId: randomUUID(), 'Content-Type': 'application/json' },
      wsc: { token: session.wsc, sequence: session.sequence },
    };
    session.socket?.send(JSON.stringify(body === undefined ? [meta] : [meta, body]));
  }

  private async message(session: Session, ws: WebSocket, raw: string): Promise<void> {
    let parts: unknown;
    try {
      parts = JSON.parse(raw);
    } catch {
      parts = null;
    }
    const [meta, body] = Array.isArray(parts) ? parts : [];
    const { type, messageId, method, path } = (meta ?? {}) as Record<string, unknown>;
    if (type === 'Heartbeat') {
      ws.send(JSON.stringify([{ type: 'Heartbeat', messageId }]));
      return;
    }
    const id = typeof messageId === 'string' ? messageId : randomUUID();
    if (type !== 'ClientRequest' || typeof method !== 'string' || typeof path !== 'string') {
      this.send(session, 'Error', id, 400, { errorCode: 'WSG-400', message: 'Bad request' });
      return;
    }
    try {
      const answer = await this.request(session, method, path, body);
      this.send(session, 'ClientRequest', id, answer === undefined ? 204 : 200, answer);
    } catch (error) {
      const failed =
        error instanceof RcHttpError ? error : apiError(500, 'CMN-202', 'Internal server error');
      this.send(session, 'ClientRequest', id, failed.status, failed.body);
    }
  }

  /** Only subscriptions are served over the socket (REST over WebSocket is not offered). */
  private async request(session: Session, method: string, path: string, body: unknown) {
    const match = SUBSCRIPTION.exec(path);
    if (!match) throw routeNotFound();
    const caller = this.callerOf(session);
    const registry = this.deps.subscriptions;
    const id = match[1] || undefined;
    if (method === 'POST' && !id) {
      const request = createRequest(JSON.stringify(body ?? {}), 'WebSocket');
      return renderSubscription(
        this.deps.base(),
        await registry.create(caller, request, session.wsc),
      );
    }
    if (method === 'GET' && id)
      return renderSubscription(this.deps.base(), registry.find(caller, id));
    if (method === 'DELETE' && id) {
      registry.remove(caller, id);
      return undefined;
    }
    throw routeNotFound();
  }

  /** Who the session is now (an admin demoted meanwhile asks as a regular user). */
  private callerOf(session: Session): Caller {
    const extension = this.deps.accounts
      .forExtension(session.extensionId)
      ?.extension(session.extensionId);
    if (!extension) throw apiError(401, 'OAU-213', 'Token not found');
    return { clientId: session.clientId, extension, isAdmin: extension.isAdmin };
  }
}
