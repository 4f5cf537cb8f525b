// A Services bag for unit tests of src/flows/: a real in-memory SQLite store, a Slack Web API
// client that records calls, Slack people from a table, and RingCentral answers from a table of
// paths. No server, no Bolt app: a flow runs as a plain function.
import type { WebClient } from '@slack/web-api';
import { BackgroundWork } from '../../src/background-work';
import { ValueSigner } from '../../src/blocks/signed-values';
import { loadConfig } from '../../src/config';
import { IdentityCache } from '../../src/directory';
import { AppError } from '../../src/errors';
import { MemoryCounters } from '../../src/flows/counters';
import { createLogger } from '../../src/logger';
import { Metrics } from '../../src/metrics';
import type { LinkedIdentity, MemberKey } from '../../src/model';
import { requireActive } from '../../src/ringcentral/active-link';
import { BrowserBindingKey } from '../../src/ringcentral/browser-binding-key';
import { ConnectTokens } from '../../src/ringcentral/connect-token';
import { EventSocketPool } from '../../src/ringcentral/event-sockets';
import { RingCentralOAuth } from '../../src/ringcentral/oauth';
import type { RingCentralSessions } from '../../src/ringcentral/sessions';
import type { BatchPart } from '../../src/ringcentral/types';
import { identityKeyOf, type RingCentralHttp } from '../../src/ringcentral/user-session';
import type { Services } from '../../src/services';
import { singleWorkspaceClients } from '../../src/slack/clients';
import type { SlackMember, SlackPeople } from '../../src/slack/people';
import { SqliteStore, TokenCipher } from '../../src/store';
import type { LinksStore } from '../../src/store/types';

export const KEY = Buffer.alloc(32, 7).toString('base64');
export const NOW = Date.UTC(2026, 11, 1, 12);

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

/** RingCentral as a table: path → body, or an error to throw. */
export type RingCentralTable = Record<string, unknown>;

export interface FakeServices {
  services: Services;
  store: SqliteStore;
  /** The recording Web API client: what slackFor answers, and a listener's `client` in tests. */
  slack: WebClient;
  slackCalls: SlackCall[];
  rcCalls: string[];
  /** Stores a working link for `member` (the fake RingCentral answers as `identity`). */
  link(member: MemberKey, identity?: LinkedIdentity): Promise<void>;
  close(): Promise<void>;
}

/** Records every Web API call (`slack.chat.postMessage(args)` → 'chat.postMessage'). */
function recordingSlack(calls: SlackCall[]): WebClient {
  const group = (prefix: string): unknown =>
    new Proxy(() => undefined, {
      // Not a thenable: slackFor resolves with this client, and a `then` would be awaited.
      get: (_target, name) =>
        name === 'then' ? undefined : group(prefix ? `${prefix}.${String(name)}` : String(name)),
      apply: async (_target, _self, [args]) => {
        calls.push({ method: prefix, args: (args ?? {}) as Record<string, unknown> });
        return { ok: true, channel: { id: 'D0FAKE' }, view: { id: 'V0FAKE', hash: 'h1' } };
      },
    });
  return group('') as WebClient;
}

function tablePeople(people: Record<string, Partial<SlackMember>>): SlackPeople {
  const member = async (_teamId: string, userId: string): Promise<SlackMember | null> => {
    const found = people[userId];
    if (!found) return null;
    return {
      id: userId,
      email: null,
      isBot: false,
      deleted: false,
      isGuest: false,
      realName: null,
      displayName: null,
      username: null,
      ...found,
    };
  };
  const userIdForEmail = async (_teamId: string, email: string) =>
    Object.entries(people).find(([, p]) => p.email?.toLowerCase() === email.toLowerCase())?.[0] ??
    null;
  return { member, userIdForEmail } as unknown as SlackPeople;
}

/** Sessions that answer from `table` under `identity`, counting each path asked. */
function tableSessions(
  links: LinksStore,
  identity: LinkedIdentity,
  table: RingCentralTable,
  rcCalls: string[],
): RingCentralSessions {
  const http: RingCentralHttp = {
    identity,
    identityKey: identityKeyOf(identity),
    async get<T>(path: string): Promise<T> {
      rcCalls.push(path);
      if (!(path in table)) throw new AppError('not_found', `no fake answer for ${path}`);
      const answer = table[path];
      if (answer instanceof Error) throw answer;
      return answer as T;
    },
    // A batch is answered from the same table, as a list of its parts.
    async getBatch<T>(path: string): Promise<Array<BatchPart<T>>> {
      return http.get<Array<BatchPart<T>>>(path, {}, 'Light');
    },
    async post<T>(path: string): Promise<T> {
      return http.get<T>(path, {}, 'Heavy');
    },
    // The fake has no targeted searches to spend: use cases take their listing path.
    available: () => 0,
  };
  // As the real sessions do: only a member with a working link gets one.
  const open = async (member: MemberKey) => {
    requireActive(await links.getLink(member));
    return http;
  };
  // The role RingCentral states now: the stored one, read with one request.
  const currentIdentity = async (member: MemberKey) => {
    const link = requireActive(await links.getLink(member));
    rcCalls.push('/restapi/v1.0/account/~/extension/~');
    return link.identity;
  };
  return { open, currentIdentity } as unknown as RingCentralSessions;
}

const TOKENS = {
  accessToken: 'access',
  refreshToken: 'refresh',
  accessTokenExpiresAt: NOW + 3_600_000,
  refreshTokenExpiresAt: NOW + 604_800_000,
  scope: 'ReadAccounts',
  ownerId: '11',
};

export const ADMIN: LinkedIdentity = {
  accountId: 'A1',
  extensionId: '11',
  extensionNumber: '101',
  name: 'John Smith',
  extensionType: 'User',
  isAdmin: true,
  email: 'john.smith@example.com',
};

export async function fakeServices(
  options: {
    identity?: LinkedIdentity;
    ringcentral?: RingCentralTable;
    people?: Record<string, Partial<SlackMember>>;
  } = {},
): Promise<FakeServices> {
  const config = loadConfig({
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_BOT_TOKEN: 'xoxb-test',
    RC_CLIENT_ID: 'client',
    RC_CLIENT_SECRET: 'client-secret',
    RC_SERVER_URL: 'http://127.0.0.1:9',
    PUBLIC_URL: 'https://rcnumber.test',
    TOKEN_ENCRYPTION_KEY: KEY,
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
  });
  const store = new SqliteStore({ path: ':memory:', cipher: TokenCipher.fromBase64Keys(KEY) });
  await store.connect();
  const slackCalls: SlackCall[] = [];
  const rcCalls: string[] = [];
  const slack = recordingSlack(slackCalls);
  const slackClients = singleWorkspaceClients(slack);
  const cache = new IdentityCache({ now: () => NOW });
  const services: Services = {
    config,
    store,
    links: store.links,
    members: store.members,
    installations: store.installations,
    audit: store.audit,
    subscriptions: store.subscriptions,
    logger: createLogger('silent'),
    credentials: { ...config.ringcentral },
    oauth: new RingCentralOAuth(store.links, { ...config.ringcentral }, () => NOW),
    connectTokens: new ConnectTokens(store.links, () => NOW),
    browserBinding: new BrowserBindingKey(KEY),
    values: new ValueSigner(KEY),
    sessions: tableSessions(
      store.links,
      options.identity ?? ADMIN,
      options.ringcentral ?? {},
      rcCalls,
    ),
    cache,
    people: tablePeople(options.people ?? {}),
    slackFor: (teamId) => slackClients.forTeam(teamId),
    slackClients,
    slackTimeouts: { timeoutMs: 1_000, retryPauseMs: 10 },
    now: () => NOW,
    metrics: new Metrics({
      linkCounts: () => store.links.countLinks(),
      cache: () => ({ ...cache.lookups, bytes: cache.totalBytes, entries: cache.size }),
    }),
    background: new BackgroundWork(),
    exportLimits: { maxRowsPerFile: 100_000, maxFiles: 10 },
    counters: new MemoryCounters(),
    staleNotices: store.staleNotices,
    instanceId: 'fake-instance',
    eventSockets: new EventSocketPool(),
  };
  return {
    services,
    store,
    slack,
    slackCalls,
    rcCalls,
    link: async (member, identity = options.identity ?? ADMIN) => {
      await store.links.saveLink({ ...member, identity, tokens: TOKENS });
    },
    close: () => store.close(),
  };
}
