import type { IncomingMessage } from 'node:http';
import WebSocketExtension, { Events } from '@rc-ex/ws';
import { Subscriptions } from '@ringcentral/subscriptions';
import type WebSocket from 'ws';
import { OpenGate } from './open-gate';
import { type SessionOpener, wsTokenBridge } from './ws-token-bridge';

/** How a socket waits between attempts and watches a quiet connection. */
export interface SocketTiming {
  /** First retry after a drop or a failed attempt; doubles each time (default 1 s). */
  firstRetryMs?: number;
  /** Longest wait between attempts (default 5 minutes). */
  maxRetryMs?: number;
  /** Least wait after RingCentral refused (401/403), doubling too (default 1 minute). */
  refusedRetryMs?: number;
  /** A Heartbeat is sent after this long without a message; twice as long, the socket is
   * taken for dead and opened again (default 60 s; RingCentral's idle timeout is 30 min). */
  heartbeatMs?: number;
  /** A socket up this long counts its troubles afresh: its next drop waits the first wait
   * again. One dropped sooner waits longer each time, as a failed attempt does (default 1 min). */
  stableMs?: number;
}

/** Why an attempt failed, for whoever decides and logs (never a token). */
export interface SocketTrouble {
  /** RingCentral's HTTP status when it refused (401, 403…); undefined for network faults. */
  status?: number;
  /** The error itself, so the caller can tell a gone or changed link from a fault. */
  error: unknown;
  failures: number;
  retryInMs: number;
}

export interface EventSocketOptions {
  eventFilters: readonly string[];
  openSession: SessionOpener;
  onEvent: (event: unknown) => void;
  onTrouble: (trouble: SocketTrouble) => void;
  onOpen?: () => void;
  timing?: SocketTiming;
  /** Shared by a process's sockets so that only a few attempts run at once. */
  gate?: OpenGate;
}

const OPEN = 1;
/** How long stopping waits for RingCentral to confirm the subscription's deletion. */
const REVOKE_WAIT_MS = 2_000;

function statusOf(error: unknown): number | undefined {
  const e = error as { details?: { status?: number }; response?: { status?: number } };
  return e?.details?.status ?? e?.response?.status;
}

/**
 * One WebSocket subscription of one RingCentral identity, made with that identity's own token
 * through RingCentral's own client (@ringcentral/subscriptions, over @rc-ex/ws). The library's
 * auto-recovery is off: it rethrows a refused token from a timer (an unhandled rejection) and
 * then stops trying. Here every drop and failure is retried with a doubling wait, a refusal
 * with a longer one, and session recovery (RingCentral's `wsc`) keeps the subscription across
 * a short drop; when recovery fails the library subscribes again on the new socket.
 */
export class EventSocket {
  private wse: WebSocketExtension | undefined;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private attempt: Promise<void> | undefined;
  /** Waiting at the gate for its turn to attempt. */
  private queued = false;
  private failures = 0;
  private stopped = false;
  private lastMessageAt = 0;
  private openedAt = 0;
  /** The HTTP status the gateway refused this attempt's handshake with, if it did. */
  private handshakeStatus: number | undefined;
  private readonly timing: Required<SocketTiming>;
  private readonly gate: OpenGate;

  constructor(private readonly options: EventSocketOptions) {
    this.timing = {
      firstRetryMs: options.timing?.firstRetryMs ?? 1_000,
      maxRetryMs: options.timing?.maxRetryMs ?? 300_000,
      refusedRetryMs: options.timing?.refusedRetryMs ?? 60_000,
      heartbeatMs: options.timing?.heartbeatMs ?? 60_000,
      stableMs: options.timing?.stableMs ?? 60_000,
    };
    this.gate = options.gate ?? new OpenGate(1);
  }

  start(): void {
    if (this.stopped || this.busy || this.wse) return;
    this.schedule(0);
  }

  /** Open and subscribed right now. */
  get connected(): boolean {
    return this.wse?.ws?.readyState === OPEN && this.wse.subscription !== undefined;
  }

  /** Deletes the subscription over the socket (briefly waited for), closes it, stops retrying. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    this.timer = undefined;
    const wse = this.wse;
    this.wse = undefined;
    if (wse) await this.close(wse, true);
    await this.attempt?.catch(() => undefined);
  }

  /** An attempt is waiting, queued or running. */
  private get busy(): boolean {
    return this.timer !== undefined || this.queued || this.attempt !== undefined;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.takeTurn();
    }, ms);
  }

  /** Attempts once the gate lets it; a socket stopped meanwhile gives its turn away. */
  private async takeTurn(): Promise<void> {
    this.queued = true;
    const leave = await this.gate.enter();
    this.queued = false;
    if (this.stopped) return leave();
    this.attempt = this.connect().finally(() => {
      this.attempt = undefined;
      leave();
    });
  }

  private async connect(): Promise<void> {
    const wse = this.wse?.subscription ? this.wse : undefined;
    this.handshakeStatus = undefined;
    try {
      if (wse) {
        // The library would reuse its WebSocket token for most of its life; each reconnection
        // asks anew, so the member's link is checked as it is stored now.
        wse.wsToken = undefined;
        wse.wsTokenExpiresAt = 0;
        await wse.recover();
      } else await this.build();
      this.openedAt = Date.now();
      this.options.onOpen?.();
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      // A refused handshake surfaces as a closed socket; its status is read off the response.
      const status = statusOf(error) ?? this.handshakeStatus;
      const retryInMs = this.delay(status === 401 || status === 403);
      // A socket never subscribed is thrown away whole; a subscribed one recovers its session.
      if (!this.wse?.subscription && this.wse) {
        await this.close(this.wse, false);
        this.wse = undefined;
      }
      this.options.onTrouble({ status, error, failures: this.failures, retryInMs });
      this.schedule(retryInMs);
    }
  }

  private async build(): Promise<void> {
    const subscriptions = new Subscriptions({ sdk: wsTokenBridge(this.options.openSession) });
    await subscriptions.init();
    if (this.stopped) throw new Error('event socket stopped');
    const wse = new WebSocketExtension({ autoRecover: { enabled: false } });
    wse.eventEmitter.on(Events.newWebSocketObject, (ws: WebSocket) => this.watch(wse, ws));
    this.wse = wse;
    const stillWanted = () => {
      if (this.stopped || this.wse !== wse) throw new Error('event socket stopped');
    };
    try {
      await subscriptions.rc.installExtension(wse);
      stillWanted();
      await wse.subscribe([...this.options.eventFilters], (event) => this.options.onEvent(event));
      stillWanted();
    } catch (error) {
      // Stopped while its token was on the way, stop() found no socket to close: this one is
      // closed here (its subscription deleted, if it got that far), or it would live on.
      if (this.stopped || this.wse !== wse) await this.close(wse, true);
      throw error;
    }
  }

  /** Notices a drop (and schedules the reconnection) and keeps a quiet socket checked. */
  private watch(wse: WebSocketExtension, ws: WebSocket): void {
    ws.on('error', () => undefined);
    // Opened for a socket stopped meanwhile: closed as soon as the gateway greets it (the
    // library's wait for that greeting then ends; cut before, its minute-long timer would hold
    // the process at shutdown), and no heartbeat keeps it.
    if (this.stopped || this.wse !== wse) {
      ws.once('message', () => ws.terminate());
      return;
    }
    this.lastMessageAt = Date.now();
    ws.on('message', () => {
      this.lastMessageAt = Date.now();
    });
    ws.on('unexpected-response', (_request: unknown, response: IncomingMessage) => {
      this.handshakeStatus = response.statusCode;
      ws.terminate();
    });
    ws.on('close', () => {
      // Only the current socket's own drop; attempts handle the failures of their own sockets.
      if (this.stopped || this.wse !== wse || wse.ws !== ws || this.busy) return;
      // Up long enough: a fault like any other. Dropped soon after opening: the gateway takes
      // and drops, and each reconnection waits longer, as after a failed attempt.
      if (Date.now() - this.openedAt >= this.timing.stableMs) this.failures = 0;
      this.failures += 1;
      this.schedule(this.delay(false));
    });
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.checkQuiet(ws), this.timing.heartbeatMs);
    this.heartbeat.unref();
  }

  private checkQuiet(ws: WebSocket): void {
    if (ws.readyState !== OPEN) return;
    const quiet = Date.now() - this.lastMessageAt;
    if (quiet >= 2 * this.timing.heartbeatMs) ws.terminate();
    else if (quiet >= this.timing.heartbeatMs) {
      ws.send(JSON.stringify([{ type: 'Heartbeat', messageId: `hb-${Date.now()}` }]));
    }
  }

  private async close(wse: WebSocketExtension, revoke: boolean): Promise<void> {
    if (revoke && wse.ws?.readyState === OPEN) {
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, REVOKE_WAIT_MS);
      });
      await Promise.race([wse.revoke().catch(() => undefined), gaveUp]);
      clearTimeout(timer);
    }
    wse.disable();
    wse.ws?.terminate();
  }

  /** Doubling from the first wait (a refusal's is longer), at most the longest, ±20%. */
  private delay(refused: boolean): number {
    const base = refused ? this.timing.refusedRetryMs : this.timing.firstRetryMs;
    const doubled = base * 2 ** Math.max(0, Math.min(this.failures - 1, 16));
    const capped = Math.min(this.timing.maxRetryMs, doubled);
    return Math.round(capped * (0.8 + Math.random() * 0.4));
  }
}
