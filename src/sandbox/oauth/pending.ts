/**
 * Authorization requests waiting at the sign-in page: what the app asked for, kept server-side
 * under a random id that the page's forms send back, so nothing the browser posts can change the
 * client, redirect URI or PKCE challenge.
 */
import { randomBytes } from 'node:crypto';
import type { CodeGrant } from './token-store';

export interface PendingAuthorization extends Omit<CodeGrant, 'extensionId'> {
  state: string | null;
  expiresAt: number;
}

const PAGE_TTL_MS = 15 * 60 * 1000;

export class PendingAuthorizations {
  private readonly byId = new Map<string, PendingAuthorization>();

  constructor(private readonly now: () => number = Date.now) {}

  create(request: Omit<PendingAuthorization, 'expiresAt'>): string {
    const now = this.now();
    for (const [id, p] of this.byId) if (p.expiresAt < now) this.byId.delete(id);
    const id = randomBytes(16).toString('base64url');
    this.byId.set(id, { ...request, expiresAt: now + PAGE_TTL_MS });
    return id;
  }

  get(id: string | null): PendingAuthorization | undefined {
    const p = id ? this.byId.get(id) : undefined;
    return p && p.expiresAt >= this.now() ? p : undefined;
  }

  delete(id: string): void {
    this.byId.delete(id);
  }
}
