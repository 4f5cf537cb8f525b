import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { AppLogger } from '../logger';
import type { Link, LinkStore, MemberKey } from '../store/types';
import { toAppError } from './api-errors';
import {
  authDataToTokens,
  createPlatform,
  type RingCentralAppCredentials,
  tokensToAuthData,
} from './platform-factory';

/** Refresh this long before the access token expires, as the official SDK does. */
export const REFRESH_MARGIN_MS = 60_000;
const LEASE_TTL_MS = 20_000;
const POLL_MS = 50;
const GIVE_UP_MS = 30_000;

export function needsRefresh(link: Link, now = Date.now()): boolean {
  return link.tokens.accessTokenExpiresAt - now < REFRESH_MARGIN_MS;
}

/**
 * Refreshes a link's tokens so that exactly one refresh runs per link: concurrent callers in
 * this process share one promise, and processes sharing the database take turns through a
 * lease row. RingCentral refresh tokens are single-use, so the new pair is written to the store
 * (compare-and-swap on the version) before anyone uses it.
 */
export class TokenRefresher {
  private readonly inFlight = new Map<string, Promise<Link>>();
  private readonly owner = `refresher-${process.pid}-${randomUUID()}`;

  constructor(
    private readonly store: LinkStore,
    private readonly credentials: RingCentralAppCredentials,
    private readonly logger: AppLogger,
  ) {}

  /** Returns a link whose tokens are newer than `staleVersion` and usable now. */
  refresh(key: MemberKey, staleVersion: number): Promise<Link> {
    const id = `${key.teamId}:${key.userId}`;
    const running = this.inFlight.get(id);
    if (running) return running;
    const started = this.refreshOnce(key, staleVersion).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, started);
    return started;
  }

  private async refreshOnce(key: MemberKey, staleVersion: number): Promise<Link> {
    const deadline = Date.now() + GIVE_UP_MS;
    while (Date.now() < deadline) {
      const current = await this.currentLink(key);
      if (current.version !== staleVersion && !needsRefresh(current)) return current;
      if (await this.store.tryAcquireRefreshLease(key, this.owner, LEASE_TTL_MS)) {
        try {
          const fresh = await this.currentLink(key);
          if (fresh.version !== staleVersion && !needsRefresh(fresh)) return fresh;
          return await this.spendRefreshToken(fresh);
        } finally {
          await this.store.releaseRefreshLease(key, this.owner);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new AppError('ringcentral_unavailable', 'Timed out waiting for a token refresh');
  }

  private async currentLink(key: MemberKey): Promise<Link> {
    const link = await this.store.getLink(key);
    if (!link) throw new AppError('not_linked', 'No RingCentral link');
    if (link.status === 'broken') {
      throw new AppError('link_broken', 'RingCentral link is broken', {
        reason: link.brokenReason ?? undefined,
      });
    }
    return link;
  }

  private async spendRefreshToken(link: Link): Promise<Link> {
    const platform = createPlatform(this.credentials);
    await platform.auth().setData(tokensToAuthData(link.tokens));
    try {
      await platform.refresh();
    } catch (error) {
      const failure = await toAppError(error);
      if (failure.code === 'link_broken') {
        const reason = 'RingCentral no longer accepts this link (it was revoked or has expired)';
        await this.store.markBroken(link, reason);
        this.logger.warn({ teamId: link.teamId, userId: link.userId }, 'refresh token refused');
        throw new AppError('link_broken', failure.message, { reason });
      }
      throw failure;
    }
    const tokens = authDataToTokens(await platform.auth().data());
    const saved = await this.store.updateTokens(link, link.version, tokens);
    if (!saved) throw new AppError('ringcentral_unavailable', 'Link changed during a refresh');
    this.logger.debug({ teamId: link.teamId, userId: link.userId }, 'tokens refreshed');
    return saved;
  }
}
