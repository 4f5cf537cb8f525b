/**
 * The RingCentral sandbox: a real HTTP server on loopback that answers the OAuth and Account API
 * calls the app makes, with RingCentral's rules (token rotation, visibility, rate limits) and
 * knobs for tests (faults, latency, expiring tokens, request counts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { driveSignIn } from './approve';
import { Accounts } from './company/accounts';
import type { Company, Person } from './company/company';
import { guideCompany } from './company/guide-company';
import { DEFAULT_PRESENCE, type ExtensionPresence } from './company/presence';
import { FaultQueue, type FaultSpec, type HeldAnswer } from './limits/faults';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './limits/rate-limiter';
import {
  type SandboxSubscription,
  type SubscriptionOptions,
  SubscriptionRegistry,
} from './notifications/subscriptions';
import { WsGateway } from './notifications/ws-gateway';
import { WsTokens } from './notifications/ws-tokens';
import { ClientRegistry } from './oauth/clients';
import { PendingAuthorizations } from './oauth/pending';
import { TokenStore } from './oauth/token-store';
import { createHandler } from './pipeline';
import { type RequestFilter, RequestLog } from './recorder';
import { openRequestLogFile } from './request-log-file';
import type { RateLimitSettings, RecordedRequest, SandboxClient, TokenLifetimes } from './types';

export type { Company, Person } from './company/company';
export type { ExtensionPresence } from './company/presence';
export type { FaultSpec, HeldAnswer } from './limits/faults';
export type { SandboxSubscription } from './notifications/subscriptions';
export type { RequestFilter } from './recorder';
export type {
  RateGroup,
  RateLimitSettings,
  RecordedRequest,
  SandboxClient,
  TokenLifetimes,
} from './types';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: `guideCompany()`. */
  company?: Company;
  /**
   * More accounts on the same server, as RingCentral serves many companies: their people sign
   * in to their own account, and their tokens read that account only. Default none.
   */
  otherCompanies?: Company[];
  /** Default: one confidential client, `rcnumber-sandbox-client`, accepting any redirect URI. */
  clients?: SandboxClient[];
  /** Default 3600. */
  accessTokenTtlSec?: number;
  /** Default 604800 (7 days). */
  refreshTokenTtlSec?: number;
  /** Default 60. */
  authCodeTtlSec?: number;
  /** Default 3600: a rotated-out refresh token still answers while the new pair is unused. */
  refreshGraceUnusedSec?: number;
  /** Default 10: a rotated-out refresh token dies this long after the new access token's use. */
  refreshGraceAfterUseSec?: number;
  /** Sessions one user may hold per app before the oldest ends; 0 (default) for no limit. */
  maxSessionsPerUser?: number;
  /** Default 50/40/10/5 per 60 s window, 60 s penalty; false turns limiting off. */
  rateLimits?: Partial<RateLimitSettings> | false;
  /** True puts every extension on RingCentral's new call-handling backend; default: as seeded. */
  upgradedAccount?: boolean;
  /** Folder of the run-wide request log; default `RC_SANDBOX_REQUEST_LOG` (unset: none). */
  requestLogFolder?: string;
  /** Push notifications: the longest lifetime granted, failures before a blacklist. */
  subscriptions?: SubscriptionOptions;
  /**
   * The app permissions the app was registered with; default ReadAccounts and ReadPresence.
   * Without ReadPresence, presence requests are refused (403 CMN-401).
   */
  appPermissions?: string[];
}

export interface SandboxFaults {
  /** The next `count` (default 1) matching requests fail with this status and error body. */
  next(fault: FaultSpec): void;
  /** Drops faults not yet used. */
  clear(): void;
  /** Holds back the answer to the next API request whose path matches, until released. */
  hold(path: RegExp): HeldAnswer;
  /** Latency added to every answer (default 0). */
  delayMs: number;
}

export interface Sandbox {
  url: string;
  clientId: string;
  clientSecret: string;
  company: Company;
  people(): Person[];
  requests: RecordedRequest[];
  resetRequests(): void;
  countRequests(filter?: RequestFilter): number;
  /** Requests whose parameters the spec rules out (answered 400), probes excepted. */
  specViolations(): RecordedRequest[];
  /** Successful refresh_token grants (a replay within the rotation grace included). */
  refreshCount(): number;
  /** Rotated-out refresh tokens presented after their grace ended (answered invalid_grant). */
  spentRefreshTokenReuse(): number;
  faults: SandboxFaults;
  expireAccessTokens(extensionId?: string): void;
  /**
   * Gives (`true`) or takes away the admin role of one extension, named by extension number,
   * email or id. Its sessions stay valid; its rights change from the next request.
   */
  setAdmin(who: string, enabled: boolean): void;
  /** Gives an extension (number, email or id) another email; its sessions stay valid. */
  setEmail(who: string, email: string): void;
  setTokenLifetimes(t: Partial<TokenLifetimes>): void;
  /** Every push notification subscription, live or not, by id. */
  subscriptions: Map<string, SandboxSubscription>;
  /**
   * Moves a number to another extension (by extension number, email or id; null for none) and
   * sends the extension list event for both extensions to every subscription that asked for
   * it; resolves once the webhooks answered, with how many took an event.
   */
  reassignNumber(e164: string, to: string | null): Promise<number>;
  /**
   * Sends an extension's own change event (as after an edit of its record) to the
   * subscriptions that asked for that extension; resolves with how many took it.
   */
  changeExtension(who: string): Promise<number>;
  /** Open WebSocket connections to the gateway, of one extension (number, email or id) or all. */
  openEventSockets(who?: string): number;
  /** Cuts open WebSocket connections (one extension's, or all), as a network fault would. */
  dropEventSockets(who?: string): number;
  /** Blacklists a subscription, as RingCentral does after repeated delivery failures. */
  blacklistSubscription(id: string): void;
  /** Forgets a subscription, as RingCentral does when it expires or drops it. */
  dropSubscription(id: string): void;
  /** Changes the app's permissions from the next request (see `appPermissions`). */
  setAppPermissions(permissions: string[]): void;
  /** Sets a person's presence (who: extension number, email or id), from the next request. */
  setPresence(who: string, presence: Partial<ExtensionPresence>): void;
  approve(authorizeUrl: string, who: string, opts?: { deny?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** What the README asks the app to be registered with. */
export const DEFAULT_APP_PERMISSIONS = ['ReadAccounts', 'ReadPresence', 'WebSocketsSubscriptions'];

export const DEFAULT_CLIENT: SandboxClient = {
  clientId: 'rcnumber-sandbox-client',
  clientSecret: 'rcnumber-sandbox-secret',
  redirectUris: [],
};

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seeded = options.company ?? guideCompany();
  const company = options.upgradedAccount ? { ...seeded, upgradedCallHandling: true } : seeded;
  const accounts = new Accounts([company, ...(options.otherCompanies ?? [])]);
  const clients = options.clients?.length ? options.clients : [DEFAULT_CLIENT];
  const store = new TokenStore(
    {
      accessTokenTtlSec: options.accessTokenTtlSec ?? 3600,
      refreshTokenTtlSec: options.refreshTokenTtlSec ?? 604800,
      authCodeTtlSec: options.authCodeTtlSec ?? 60,
      refreshGraceUnusedSec: options.refreshGraceUnusedSec ?? 3600,
      refreshGraceAfterUseSec: options.refreshGraceAfterUseSec ?? 10,
    },
    options.maxSessionsPerUser ?? 0,
  );
  const limiter = new RateLimiter(
    options.rateLimits === false ? false : { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
  );
  const faults = new FaultQueue();
  const logFile = openRequestLogFile(options.requestLogFolder);
  const log = new RequestLog(logFile ? (request) => logFile.write(request) : null);
  const registry = new ClientRegistry(clients);
  const pending = new PendingAuthorizations();
  const appPermissions = new Set(options.appPermissions ?? DEFAULT_APP_PERMISSIONS);
  const oauth = { accounts, clients: registry, store, pending, limiter };
  // Subscriptions and test controls act on the sandbox's own company.
  const index = accounts.primary;
  const subscriptions = new SubscriptionRegistry(index, options.subscriptions);
  const wsTokens = new WsTokens();
  let base = '';
  const server = createServer(
    createHandler({
      accounts,
      store,
      limiter,
      faults,
      log,
      oauth,
      subscriptions,
      wsTokens,
      appPermissions,
      base: () => base,
    }),
  );
  const gateway = new WsGateway({
    tokens: wsTokens,
    accounts,
    subscriptions,
    faults,
    base: () => base,
  });
  gateway.attach(server);
  const extensionOf = (who: string) => {
    const ext = index.extensionByNumber(who) ?? index.extensionByEmail(who) ?? index.extension(who);
    if (!ext) throw new Error(`the sandbox has no extension ${who}`);
    return ext;
  };
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const first = clients[0] as SandboxClient;
  let closed: Promise<void> | null = null;

  return {
    url: base,
    clientId: first.clientId,
    clientSecret: first.clientSecret ?? '',
    company,
    people: () => accounts.people.map((p) => ({ ...p })),
    requests: log.requests,
    resetRequests: () => log.reset(),
    countRequests: (filter) => log.count(filter),
    specViolations: () => log.specViolations(),
    refreshCount: () => store.refreshCount,
    spentRefreshTokenReuse: () => store.spentReuse,
    faults,
    expireAccessTokens: (extensionId) => store.expireAccessTokens(extensionId),
    setAdmin: (who, enabled) => index.setAdmin(extensionOf(who).id, enabled),
    setEmail: (who, email) => index.setEmail(extensionOf(who).id, email),
    subscriptions: subscriptions.all,
    reassignNumber: async (e164, to) => {
      const target = to === null ? undefined : extensionOf(to).id;
      const left = index.reassignNumber(e164, target);
      const changed = [...new Set([left, target].filter((id): id is string => Boolean(id)))];
      const path = `/restapi/v1.0/account/${company.accountId}/extension`;
      let delivered = 0;
      for (const extensionId of changed) {
        delivered += await subscriptions.publish(path, (ownerId) => ({
          extensionId,
          eventType: 'Update',
          ownerId,
        }));
      }
      return delivered;
    },
    changeExtension: (who) => {
      const extensionId = extensionOf(who).id;
      const path = `/restapi/v1.0/account/${company.accountId}/extension/${extensionId}`;
      return subscriptions.publish(path, () => ({ extensionId, eventType: 'Update' }));
    },
    openEventSockets: (who) => gateway.openSockets(who === undefined ? who : extensionOf(who).id),
    dropEventSockets: (who) => gateway.drop(who === undefined ? who : extensionOf(who).id),
    blacklistSubscription: (id) => subscriptions.blacklist(id),
    dropSubscription: (id) => {
      subscriptions.all.delete(id);
    },
    setTokenLifetimes: (t) => store.setLifetimes(t),
    setAppPermissions: (permissions) => {
      appPermissions.clear();
      for (const permission of permissions) appPermissions.add(permission);
    },
    setPresence: (who, presence) => {
      const ext = extensionOf(who);
      ext.presence = { ...DEFAULT_PRESENCE, ...ext.presence, ...presence };
    },
    approve: (authorizeUrl, who, opts) => driveSignIn(base, authorizeUrl, who, opts?.deny ?? false),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        gateway.close();
        server.close(() => resolve());
        logFile?.close();
        // Keep-alive connections would otherwise hold the server open for seconds.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
