import { cpuSlices } from '../cpu-slices';
import { AppError } from '../errors';
import type { Link, LinkedIdentity } from '../store/types';
import {
  readJson,
  responseOf,
  retryAfterSeconds,
  toAppError,
  UNAVAILABLE_RETRY_SEC,
} from './api-errors';
import { readBatchAnswer } from './batch-response';
import {
  createPlatform,
  type Platform,
  type RingCentralAppCredentials,
  tokensToAuthData,
} from './platform-factory';
import { budgetKeyOf, type RateBudget, type RateGroup } from './rate-budget';
import { needsRefresh, type TokenRefresher } from './token-refresher';
import type { BatchPart } from './types';

/** Refreshes after 401s before giving up on one call (the second covers a pair refreshed elsewhere). */
const UNAUTHORIZED_REFRESHES = 2;

export type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface CallOptions {
  /** How long this call may wait for rate budget before failing with rate_limited. */
  maxWaitMs?: number;
  onWait?: (ms: number) => void;
  /** Applied to each of a page's `records` while it is parsed (see parseJsonSliced). */
  mapRecord?: (record: unknown) => unknown;
  /** Reads a successful answer instead of `readJson` (a listing worker parses it elsewhere). */
  readBody?: (response: Response) => Promise<unknown>;
}

/** What the Account API needs: authenticated JSON calls as one RingCentral identity. */
export interface RingCentralHttp {
  readonly identity: LinkedIdentity;
  /** Stable key of the identity: RingCentral account, extension and admin flag. */
  readonly identityKey: string;
  get<T>(path: string, query: Query, group: RateGroup, options?: CallOptions): Promise<T>;
  /** A batch request (ids joined by commas in the path): each resource's status and body. */
  getBatch<T>(
    path: string,
    query: Query,
    group: RateGroup,
    options?: CallOptions,
  ): Promise<Array<BatchPart<T>>>;
  /** A search whose query is a JSON body sent with POST (RingCentral's directory search). */
  post<T>(path: string, body: unknown, group: RateGroup, options?: CallOptions): Promise<T>;
  /** How many requests of the group this identity could send right now. */
  available(group: RateGroup): number;
}

/** Told of every RingCentral answer: its rate group and status (0 when none came). */
export type AnswerObserver = (group: RateGroup, status: number) => void;

export function identityKeyOf(
  identity: Pick<LinkedIdentity, 'accountId' | 'extensionId' | 'isAdmin'>,
): string {
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
    private readonly onAnswer: AnswerObserver = () => undefined,
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

  /**
   * A request that changes something (push notification subscriptions): a JSON body, and an
   * answer that may be empty (204). Same refresh, retry and rate budget as every read.
   */
  send<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    group: RateGroup,
    options: CallOptions = {},
  ): Promise<T | undefined> {
    return this.call<T | undefined>(
      group,
      options,
      () => this.platform.send({ method, url: path, body, retry: true }),
      true,
    );
  }

  post<T>(path: string, body: unknown, group: RateGroup, options: CallOptions = {}): Promise<T> {
    return this.call<T>(group, options, () =>
      this.platform.send({ method: 'POST', url: path, body, retry: true }),
    );
  }

  available(group: RateGroup): number {
    return this.budget.available(this.budgetKey(), group);
  }

  getBatch<T>(
    path: string,
    query: Query,
    group: RateGroup,
    options: CallOptions = {},
  ): Promise<Array<BatchPart<T>>> {
    return this.call<Array<BatchPart<T>>>(group, { ...options, readBody: readBatchAnswer }, () =>
      this.platform.get(path, cleanQuery(query), { retry: true }),
    );
  }

  private async call<T>(
    group: RateGroup,
    options: CallOptions,
    send: () => Promise<Response>,
    mayBeEmpty = false,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // Each side of a request takes its turn on the event loop (see cpuSlices): a burst of
      // lookups then leaves room between its steps for the acks Slack is waiting for.
      await cpuSlices.next();
      await this.ensureFreshTokens();
      await this.budget.acquire(this.budgetKey(), group, options);
      let response: Response;
      try {
        response = await send();
      } catch (error) {
        const failed = responseOf(error);
        this.onAnswer(group, failed?.status ?? 0);
        if (failed?.status === 401) {
          // Not charged by RingCentral. Refresh and try again: a revoked session fails its
          // refresh with invalid_grant, the one answer that breaks a link; a 401 alone never does.
          this.budget.refund(this.budgetKey(), group);
          if (attempt < UNAUTHORIZED_REFRESHES) {
            await this.adopt(await this.refresher.refresh(this.link));
            continue;
          }
          throw new AppError('ringcentral_unavailable', 'RingCentral refuses fresh tokens', {
            status: 401,
            retryAfterSec: UNAVAILABLE_RETRY_SEC,
          });
        }
        if (failed) this.budget.observe(this.budgetKey(), group, failed.headers);
        if (failed?.status === 429) {
          this.budget.block(this.budgetKey(), group, retryAfterSeconds(failed));
        }
        throw await toAppError(error);
      }
      await cpuSlices.next();
      this.onAnswer(group, response.status);
      this.budget.observe(this.budgetKey(), group, response.headers);
      if (mayBeEmpty && (response.status === 204 || !(await peekBody(response)))) {
        return undefined as T;
      }
      // Pages of 1000 records are parsed in slices: the event loop stays free for acks.
      if (options.readBody) return (await options.readBody(response)) as T;
      return readJson<T>(response, options.mapRecord);
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
    return budgetKeyOf(this.identity);
  }
}

/** Whether an answer has a body to read (checked on a clone, so the body stays readable). */
async function peekBody(response: Response): Promise<boolean> {
  return (await response.clone().text()).trim() !== '';
}

function cleanQuery(query: Query): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value : String(value);
  }
  return out;
}
