import { AppError } from '../errors';
import type { Link, LinkedIdentity } from '../store/types';
import { responseOf, retryAfterSeconds, toAppError } from './api-errors';
import {
  createPlatform,
  type Platform,
  type RingCentralAppCredentials,
  tokensToAuthData,
} from './platform-factory';
import type { RateBudget, RateGroup } from './rate-budget';
import { parseJsonSliced } from './sliced-json';
import { needsRefresh, type TokenRefresher } from './token-refresher';

export type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface CallOptions {
  /** How long this call may wait for rate budget before failing with rate_limited. */
  maxWaitMs?: number;
  onWait?: (ms: number) => void;
  /** Applied to each of a page's `records` while it is parsed (see parseJsonSliced). */
  mapRecord?: (record: unknown) => unknown;
}

/** What the Account API needs: authenticated JSON calls as one RingCentral identity. */
export interface RingCentralHttp {
  readonly identity: LinkedIdentity;
  /** Stable key of the identity: RingCentral account, extension and admin flag. */
  readonly identityKey: string;
  get<T>(path: string, query: Query, group: RateGroup, options?: CallOptions): Promise<T>;
  /** A JSON body sent with POST (RingCentral's searches). */
  post<T>(path: string, body: unknown, group: RateGroup, options?: CallOptions): Promise<T>;
  /** How many requests of the group this identity could send right now. */
  available(group: RateGroup): number;
}

export function identityKeyOf(identity: LinkedIdentity): string {
  return `${identity.accountId}:${identity.extensionId}:${identity.isAdmin ? 'admin' : 'user'}`;
}

/**
 * One Slack user's authenticated access to RingCentral, built from their own stored link and
 * used for one request's worth of calls. Keeps tokens fresh through the shared refresher,
 * retries once after a 401, and keeps the identity within its rate budget.
 */
export class UserSession implements RingCentralHttp {
  readonly identity: LinkedIdentity;
  readonly identityKey: string;
  private readonly platform: Platform;
  private loadedVersion = -1;

  constructor(
    private link: Link,
    credentials: RingCentralAppCredentials,
    private readonly refresher: TokenRefresher,
    private readonly budget: RateBudget,
  ) {
    this.identity = link.identity;
    this.identityKey = identityKeyOf(link.identity);
    this.platform = createPlatform(credentials);
  }

  get<T>(path: string, query: Query, group: RateGroup, options: CallOptions = {}): Promise<T> {
    return this.call<T>(group, options, () =>
      this.platform.get(path, cleanQuery(query), { retry: true }),
    );
  }

  post<T>(path: string, body: unknown, group: RateGroup, options: CallOptions = {}): Promise<T> {
    return this.call<T>(group, options, () => this.platform.post(path, body));
  }

  available(group: RateGroup): number {
    return this.budget.available(this.budgetKey(), group);
  }

  private async call<T>(
    group: RateGroup,
    options: CallOptions,
    send: () => Promise<Response>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.ensureFreshTokens();
      await this.budget.acquire(this.budgetKey(), group, options);
      try {
        const response = await send();
        this.budget.observe(this.budgetKey(), group, response.headers);
        // Pages of 1000 records are parsed in slices: the event loop stays free for acks.
        return (await parseJsonSliced(await response.text(), undefined, options.mapRecord)) as T;
      } catch (error) {
        const response = responseOf(error);
        if (response?.status === 401) this.budget.refund(this.budgetKey(), group);
        else if (response) this.budget.observe(this.budgetKey(), group, response.headers);
        if (response?.status === 401 && attempt === 0) {
          await this.adopt(await this.refresher.refresh(this.link));
          continue;
        }
        if (response?.status === 401 && attempt === 1) {
          // Refused even with freshly refreshed tokens: the session was ended at RingCentral.
          // (Unless another process renewed it meanwhile: then one more try with that pair.)
          await this.adopt(
            await this.refresher.breakLink(
              this.link,
              'RingCentral no longer accepts this link (it was revoked). Connect again.',
            ),
          );
          continue;
        }
        if (response?.status === 429) {
          this.budget.block(this.budgetKey(), group, retryAfterSeconds(response));
        }
        if (response?.status === 401) {
          throw new AppError('link_broken', 'RingCentral keeps refusing this link', {
            reason: 'RingCentral no longer accepts this link. Connect again.',
          });
        }
        throw await toAppError(error);
      }
    }
  }

  private async ensureFreshTokens(): Promise<void> {
    if (needsRefresh(this.link)) await this.adopt(await this.refresher.refresh(this.link));
    if (this.loadedVersion !== this.link.version) {
      await this.platform.auth().setData(tokensToAuthData(this.link.tokens));
      this.loadedVersion = this.link.version;
    }
  }

  /**
   * Takes a refreshed link, unless RingCentral now describes the member differently (promoted
   * or demoted): answers cached under this session's identity must all come from that identity.
   */
  private async adopt(next: Link): Promise<void> {
    if (identityKeyOf(next.identity) !== this.identityKey) {
      throw new AppError('link_changed', 'The member’s RingCentral role changed');
    }
    this.link = next;
  }

  /** RingCentral counts requests per user, whatever Slack user they came through. */
  private budgetKey(): string {
    return `${this.identity.accountId}:${this.identity.extensionId}`;
  }
}

function cleanQuery(query: Query): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value : String(value);
  }
  return out;
}
