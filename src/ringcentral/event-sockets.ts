import type { EventSocket, SocketTiming } from './event-socket';
import { OpenGate } from './open-gate';

/** Socket attempts a process runs at once (the rest wait their turn). */
export const OPENS_AT_ONCE = 4;

interface Held {
  /** The member whose link (and token) the socket was opened with: `teamId:userId`. */
  owner: string;
  socket: EventSocket;
}

/**
 * This process's WebSocket subscriptions: at most one per RingCentral identity (account,
 * extension, role), whose events make that identity's cached answers go. Which identities get
 * one, and when they stop, is decided in src/flows/event-sockets.ts.
 */
export class EventSocketPool {
  private readonly held = new Map<string, Held>();
  private closed = false;
  /** Shared by this pool's sockets: at start, thousands open a few at a time, not at once. */
  readonly gate: OpenGate;

  constructor(
    readonly timing: SocketTiming = {},
    opensAtOnce = OPENS_AT_ONCE,
  ) {
    this.gate = new OpenGate(opensAtOnce);
  }

  get size(): number {
    return this.held.size;
  }

  /** The identity keys with a socket, and whose link each was opened with. */
  entries(): Array<{ identityKey: string; owner: string }> {
    return [...this.held].map(([identityKey, { owner }]) => ({ identityKey, owner }));
  }

  /** Starts `make()`'s socket for the identity unless it has one; true when started. */
  start(identityKey: string, owner: string, make: () => EventSocket): boolean {
    if (this.closed || this.held.has(identityKey)) return false;
    const socket = make();
    this.held.set(identityKey, { owner, socket });
    socket.start();
    return true;
  }

  /** Stops the identity's socket, when `owner` (if given) is the one it was opened for. */
  async stop(identityKey: string, owner?: string): Promise<boolean> {
    const held = this.held.get(identityKey);
    if (!held || (owner !== undefined && held.owner !== owner)) return false;
    this.held.delete(identityKey);
    await held.socket.stop();
    return true;
  }

  /** Stops every socket opened with `owner`'s link; resolves with how many. */
  async stopOwnedBy(owner: string): Promise<number> {
    const mine = this.entries().filter((entry) => entry.owner === owner);
    await Promise.all(mine.map((entry) => this.stop(entry.identityKey, owner)));
    return mine.length;
  }

  /** Stops every socket; none starts after this (the app is stopping). */
  async stopAll(): Promise<void> {
    this.closed = true;
    const all = [...this.held.values()];
    this.held.clear();
    await Promise.all(all.map((held) => held.socket.stop()));
  }
}
