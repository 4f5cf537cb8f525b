/**
 * WebSocket access tokens (`POST /restapi/oauth/wstoken`): short-lived, each standing for the
 * app and extension whose bearer token asked for it. A token opens connections until it
 * expires; an open connection outlives it, as at RingCentral.
 */
import { randomBytes } from 'node:crypto';

export interface WsGrant {
  clientId: string;
  extensionId: string;
  expiresAt: number;
}

/** What RingCentral gives by default (the official client renews at 80% of it). */
export const WS_TOKEN_TTL_SEC = 600;

export class WsTokens {
  private readonly grants = new Map<string, WsGrant>();

  constructor(
    private readonly ttlSec = WS_TOKEN_TTL_SEC,
    private readonly now: () => number = Date.now,
  ) {}

  issue(clientId: string, extensionId: string): { token: string; expiresIn: number } {
    for (const [token, grant] of this.grants) {
      if (grant.expiresAt <= this.now()) this.grants.delete(token);
    }
    const token = randomBytes(32).toString('base64url');
    this.grants.set(token, { clientId, extensionId, expiresAt: this.now() + this.ttlSec * 1000 });
    return { token, expiresIn: this.ttlSec };
  }

  /** The grant a live token stands for; null for an unknown or expired one. */
  check(token: string): WsGrant | null {
    const grant = this.grants.get(token);
    return grant && grant.expiresAt > this.now() ? grant : null;
  }
}
