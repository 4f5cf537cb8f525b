/**
 * What the bench measures against: the sandbox (in its own process) with a generated company,
 * and the app's own RingCentral pieces (store, OAuth, token refresher, sessions) without Slack
 * in front. Members are linked by the real OAuth flow over HTTP, exactly as the callback route
 * does it, so every lookup runs under a real `UserSession` holding that member's own tokens.
 */
import { createLogger } from '../src/logger';
import { AccountApi } from '../src/ringcentral/account-api';
import { RingCentralOAuth } from '../src/ringcentral/oauth';
import type { RingCentralAppCredentials } from '../src/ringcentral/platform-factory';
import { RateBudget, type RateGroup } from '../src/ringcentral/rate-budget';
import { RingCentralSessions } from '../src/ringcentral/sessions';
import { TokenRefresher } from '../src/ringcentral/token-refresher';
import type { UserSession } from '../src/ringcentral/user-session';
import type { GenerateCompanyOptions } from '../src/sandbox';
import { openStore, TokenCipher } from '../src/store';
import type { LinkedIdentity, MemberKey } from '../src/store/types';
import { type RemoteSandbox, startRemoteSandbox } from './remote-sandbox';

export const TEAM_ID = 'TBENCH';
/** Never contacted: the bench exchanges codes itself instead of serving the callback route. */
const REDIRECT_URI = 'http://127.0.0.1:9/oauth/ringcentral/callback';

/**
 * The bench measures the lookup strategy, not throttling: the sandbox's limits are off, and the
 * client-side budget must not wait either (it would otherwise believe the sandbox's default
 * `X-Rate-Limit-*` headers and pause Heavy listings for a minute).
 */
class UnlimitedBudget extends RateBudget {
  override async acquire(): Promise<void> {}
  override observe(): void {}
  override available(_identity: string, _group: RateGroup): number {
    return Number.MAX_SAFE_INTEGER;
  }
}

/** Where the sandbox is and how a browser signs someone in there. */
export interface SandboxAccess {
  url: string;
  clientId: string;
  clientSecret: string;
  approve(authorizeUrl: string, who: string): Promise<string>;
}

export interface LinkedMember {
  member: MemberKey;
  identity: LinkedIdentity;
  session: UserSession;
  api: AccountApi;
}

export interface ClientSide {
  /** Links the person who signs in as `who` (email or extension number) to a new Slack id. */
  link(who: string): Promise<LinkedMember>;
  /** A new session from the stored link, as the app opens one per Slack request. */
  open(member: MemberKey): Promise<LinkedMember>;
  close(): Promise<void>;
}

/** Where the links are kept: in memory by default, or a database another process opens too. */
export interface ClientStore {
  databaseUrl: string;
  encryptionKey: string;
}

export async function startClientSide(
  sandbox: SandboxAccess,
  where: ClientStore = { databaseUrl: 'sqlite::memory:', encryptionKey: TokenCipher.generateKey() },
): Promise<ClientSide> {
  const credentials: RingCentralAppCredentials = {
    serverUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    redirectUri: REDIRECT_URI,
  };
  const store = openStore(where.databaseUrl, TokenCipher.fromBase64Keys(where.encryptionKey));
  await store.connect();
  const refresher = new TokenRefresher(store.links, credentials, createLogger('silent'));
  const oauth = new RingCentralOAuth(store.links, credentials);
  const sessions = new RingCentralSessions(
    store.links,
    credentials,
    refresher,
    new UnlimitedBudget(),
  );
  let sequence = 0;

  const open = async (member: MemberKey): Promise<LinkedMember> => {
    const session = await sessions.open(member);
    return { member, identity: session.identity, session, api: new AccountApi(session) };
  };
  return {
    async link(who) {
      const member = { teamId: TEAM_ID, userId: `UBENCH${String(++sequence).padStart(5, '0')}` };
      const start = await oauth.start(member);
      const callback = new URL(await sandbox.approve(start.url, who));
      const state = await oauth.consumeState(callback.searchParams.get('state') ?? '');
      const code = callback.searchParams.get('code');
      if (!state || !code) throw new Error(`Sign-in as ${who} did not come back with a code`);
      const { tokens, identity } = await oauth.exchange(code, state);
      await store.links.saveLink({ ...member, identity, tokens });
      return open(member);
    },
    open,
    close: () => store.close(),
  };
}

export interface BenchStack extends ClientSide {
  sandbox: RemoteSandbox;
}

export async function startBenchStack(company: GenerateCompanyOptions): Promise<BenchStack> {
  const sandbox = await startRemoteSandbox(company);
  try {
    const client = await startClientSide(sandbox);
    return {
      ...client,
      sandbox,
      async close() {
        await client.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
