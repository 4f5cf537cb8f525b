import { createHash, randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../errors';
import type { AppLogger } from '../logger';
import type { Link, LinkedIdentity, LinksStore, TokenSet } from '../store/types';
import { requireActive } from './active-link';
import { toAppError } from './api-errors';
import { emailChanged, type IdentityChanged, sameIdentity } from './fresh-identity';
import { identityOf } from './identity';
import { revokeTokens } from './oauth';
import {
  authDataToTokens,
  createPlatform,
  type RingCentralAppCredentials,
  tokensToAuthData,
} from './platform-factory';
import { budgetKeyOf, type RateBudget } from './rate-budget';
import type { ExtensionRecord } from './types';

/** Refresh this long before the access token expires, as the official SDK does. */
export const REFRESH_MARGIN_MS = 60_000;
/**
 * Longer than a whole refresh may take (two token requests, each timed out at 15 s by default).
 * Only a holder that is alive but stuck, or one on another host, is waited out this long: the
 * lease of a dead holder is taken over at once (see store/lease-holder.ts).
 */
const LEASE_TTL_MS = 45_000;
/** Token requests per refresh: the first, and one more after a 5xx, a reset or a timeout. */
const TOKEN_ATTEMPTS = 2;
const TOKEN_RETRY_PAUSE_MS = 250;
const POLL_MS = 50;
const GIVE_UP_MS = 50_000;

const REFUSED =
  'RingCentral no longer accepts this link (it was revoked or has expired). Connect again.';
const EXPIRED = 'The RingCentral link expired after a week without use. Connect again.';
/** The link is bound to a person by the extension's email; another email may be another person. */
export const EMAIL_CHANGED =
  'Your RingCentral extension now has another email than when you connected it. Connect again.';

/** Told once a refresh refusal has marked a link broken (the link as it was before). */
export type LinkBroken = (link: Link, reason: string) => void;

export function needsRefresh(link: Link, now = Date.now()): boolean {
  return link.tokens.accessTokenExpiresAt - now < REFRESH_MARGIN_MS;
}

/** The same link (not a newer one the member made since), whatever its token version. */
export function sameLink(a: Link, b: Link): boolean {
  return (
    a.linkedAt === b.linkedAt &&
    a.identity.accountId === b.identity.accountId &&
    a.identity.extensionId === b.identity.extensionId
  );
}

/**
 * Refreshes a link's tokens so that exactly one refresh runs per link: concurrent callers in
 * this process share one promise, and processes sharing the database take turns through a
 * lease row. RingCentral refresh tokens are single-use, so the new pair is written to the store
 * (compare-and-swap on the version) before anyone uses it. A link the member replaced in the
 * meantime is never handed back as if it were the old one.
 */
export class TokenRefresher {
  private readonly inFlight = new Map<string, Promise<Link>>();
  private readonly owner = `refresher-${process.pid}-${randomUUID()}`;

  constructor(
    private readonly store: LinksStore,
    private readonly credentials: RingCentralAppCredentials,
    private readonly logger: AppLogger,
    private readonly onIdentityChanged: IdentityChanged = () => undefined,
    private readonly onLinkBroken: LinkBroken = () => undefined,
    /** Told how each refresh this process made ended: ok, refused (link broken) or failed. */
    private readonly onRefreshed: (outcome: 'ok' | 'refused' | 'failed') => void = () => undefined,
    /** Told of the hourly identity read, which RingCentral counts against the member. */
    private readonly budget?: RateBudget,
  ) {}

  /** Returns the same link with tokens other than `stale`'s and usable now. */
  refresh(stale: Link): Promise<Link> {
    // Callers holding the same stale token share one refresh; one holding another token (say,
    // one that failed after the last refresh) gets a refresh of its own, taken in turn.
    const id = `${stale.teamId}:${stale.userId}:${fingerprint(stale.tokens.accessToken)}`;
    const running = this.inFlight.get(id);
    const started = running ?? this.refreshOnce(stale).finally(() => this.inFlight.delete(id));
    if (!running) this.inFlight.set(id, started);
    return started.then((link) => {
      if (!sameLink(stale, link)) throw linkChanged();
      return link;
    });
  }

  private async refreshOnce(stale: Link): Promise<Link> {
    const deadline = Date.now() + GIVE_UP_MS;
    while (Date.now() < deadline) {
      const current = await this.currentLink(stale);
      if (renewed(current, stale)) return current;
      if (await this.store.tryAcquireRefreshLease(stale, this.owner, LEASE_TTL_MS)) {
        try {
          const fresh = await this.currentLink(stale);
          if (renewed(fresh, stale)) return fresh;
          return await this.counted(this.spendRefreshToken(fresh));
        } finally {
          await this.store.releaseRefreshLease(stale, this.owner);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new AppError('ringcentral_unavailable', 'Timed out waiting for a token refresh');
  }

  private async counted(refresh: Promise<Link>): Promise<Link> {
    try {
      const link = await refresh;
      this.onRefreshed('ok');
      return link;
    } catch (error) {
      this.onRefreshed(isAppError(error, 'link_broken') ? 'refused' : 'failed');
      throw error;
    }
  }

  private async currentLink(stale: Link): Promise<Link> {
    const link = requireActive(await this.store.getLink(stale));
    if (!sameLink(stale, link)) throw linkChanged();
    return link;
  }

  private async spendRefreshToken(link: Link): Promise<Link> {
    if (link.tokens.refreshTokenExpiresAt <= Date.now()) return this.breakLink(link, EXPIRED);
    let tokens: TokenSet;
    for (let attempt = 1; ; attempt++) {
      try {
        tokens = await this.requestNewPair(link);
        break;
      } catch (error) {
        const failure = await toAppError(error);
        // Only the token endpoint's 400 invalid_grant is final.
        if (failure.code === 'link_broken') return this.breakLink(link, REFUSED);
        // A 5xx, a reset or a timeout may have come after RingCentral rotated the pair: asking
        // again with the same refresh token then returns that same new pair (its grace rule),
        // so one more try is safe. The link stays as it is whatever happens here.
        if (failure.code !== 'ringcentral_unavailable' || attempt >= TOKEN_ATTEMPTS) throw failure;
        this.logger.warn(
          { teamId: link.teamId, userId: link.userId, status: failure.details.status },
          'token refresh failed; trying again',
        );
        await new Promise((resolve) => setTimeout(resolve, TOKEN_RETRY_PAUSE_MS));
      }
    }
    const saved = await this.store.updateTokens(link, link.version, tokens);
    if (!saved) {
      const stored = await this.store.getLink(link);
      if (!stored || !sameLink(stored, link)) {
        // The member unlinked or relinked meanwhile: end the replaced session we just renewed.
        await revokeTokens(this.credentials, tokens);
        throw linkChanged();
      }
      // Someone wrote first (the lease expired under a slow request): use what they stored.
      const newer = requireActive(stored);
      if (renewed(newer, link)) return newer;
      throw new AppError('ringcentral_unavailable', 'The link changed during a refresh');
    }
    this.logger.debug({ teamId: link.teamId, userId: link.userId }, 'tokens refreshed');
    return this.rereadIdentity(saved);
  }

  private async requestNewPair(link: Link): Promise<TokenSet> {
    const platform = createPlatform(this.credentials);
    await platform.auth().setData(tokensToAuthData(link.tokens));
    await platform.refresh();
    return authDataToTokens(await platform.auth().data());
  }

  /**
   * Once an hour, with the pair already stored, asks RingCentral who the member is now, so a
   * promotion to or from administrator takes effect. A failure keeps what was known.
   */
  private async rereadIdentity(link: Link): Promise<Link> {
    let identity: LinkedIdentity;
    try {
      const platform = createPlatform(this.credentials);
      await platform.auth().setData(tokensToAuthData(link.tokens));
      this.budget?.record(budgetKeyOf(link.identity), 'Light');
      const response = await platform.get('/restapi/v1.0/account/~/extension/~', undefined, {
        retry: true,
      });
      identity = identityOf((await response.json()) as ExtensionRecord);
    } catch {
      return link;
    }
    if (identity.extensionId !== link.identity.extensionId) return link;
    if (sameIdentity(identity, link.identity)) return link;
    if (emailChanged(link.identity, identity)) return this.breakForEmail(link);
    const updated = await this.store
      .updateTokens(link, link.version, link.tokens, identity)
      .catch(() => null);
    if (updated) this.onIdentityChanged(link, link.identity, identity);
    return updated ?? link;
  }

  /**
   * The extension's email changed since the link was made: the link is broken and its session
   * ended (the extension may be someone else's now); the member connects again, matched anew.
   */
  async breakForEmail(link: Link): Promise<Link> {
    return this.breakLink(link, EMAIL_CHANGED).catch(async (error: unknown) => {
      await revokeTokens(this.credentials, link.tokens);
      throw error;
    });
  }

  /**
   * Marks the link broken, unless it changed meanwhile: a link another process just renewed,
   * or one the member replaced, is not broken.
   */
  async breakLink(link: Link, reason: string): Promise<Link> {
    if (!(await this.store.markBroken(link, reason, link.version))) {
      const now = await this.currentLink(link);
      if (renewed(now, link)) return now;
    }
    this.logger.warn({ teamId: link.teamId, userId: link.userId }, 'RingCentral link broken');
    this.onLinkBroken(link, reason);
    throw new AppError('link_broken', 'RingCentral link is broken', { reason });
  }
}

/** A stored link whose tokens differ from the stale ones and are usable now. */
function renewed(current: Link, stale: Link): boolean {
  return current.tokens.accessToken !== stale.tokens.accessToken && !needsRefresh(current);
}

/** Tells tokens apart without keeping them as map keys. */
function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 16);
}

function linkChanged(): AppError {
  return new AppError('link_changed', 'The member linked another RingCentral extension meanwhile');
}
