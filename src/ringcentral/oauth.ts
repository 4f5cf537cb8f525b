import { AppError } from '../errors';
import { sendRequest } from '../outbound-http';
import type { LinkedIdentity, LinksStore, MemberKey, OAuthState, TokenSet } from '../store/types';
import { toAppError } from './api-errors';
import { identityOf } from './identity';
import { createPkcePair, createState } from './pkce';
import {
  authDataToTokens,
  createPlatform,
  REQUEST_TIMEOUT_MS,
  type RingCentralAppCredentials,
} from './platform-factory';
import { budgetKeyOf, type RateBudget } from './rate-budget';
import type { ExtensionRecord } from './types';

/** How long an OAuth state lives: from opening a Connect button to RingCentral's redirect back. */
export const STATE_TTL_MS = 10 * 60_000;
/**
 * Open sign-ins one member may have at once: starting one more spends the oldest, so a
 * replayed "Continue" cannot pile states up. A few, for a member trying in two browsers.
 */
export const MAX_OPEN_STATES_PER_MEMBER = 3;

export interface LinkStart {
  url: string;
  state: string;
  expiresAt: number;
}

/** A finished RingCentral sign-in: its session, who signed in, and their company's name. */
export interface SignIn {
  tokens: TokenSet;
  identity: LinkedIdentity;
  /** The company name on the extension's contact, when RingCentral gives one. */
  accountName: string | null;
}

export interface LinkWhere {
  channelId?: string | null;
  responseUrl?: string | null;
}

/**
 * The OAuth authorization-code flow with PKCE. The state is random, single-use, expires, and
 * is stored with the Slack team and user who asked; the verifier never leaves the server.
 */
export class RingCentralOAuth {
  constructor(
    private readonly store: LinksStore,
    private readonly credentials: RingCentralAppCredentials,
    private readonly now: () => number = Date.now,
    /** Told of the sign-in's own request, which RingCentral counts against the member. */
    private readonly budget?: RateBudget,
  ) {}

  async start(member: MemberKey, where: LinkWhere = {}): Promise<LinkStart> {
    const { verifier, challenge } = createPkcePair();
    const state = createState();
    const createdAt = this.now();
    const record: OAuthState = {
      state,
      teamId: member.teamId,
      userId: member.userId,
      codeVerifier: verifier,
      channelId: where.channelId ?? null,
      responseUrl: where.responseUrl ?? null,
      createdAt,
      expiresAt: createdAt + STATE_TTL_MS,
    };
    await this.store.saveOAuthState(record, MAX_OPEN_STATES_PER_MEMBER);
    const url = new URL('/restapi/oauth/authorize', this.credentials.serverUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.credentials.clientId,
      redirect_uri: this.credentials.redirectUri,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return { url: url.toString(), state, expiresAt: record.expiresAt };
  }

  /** Spends the state, so a second use of the same state fails. Null when unknown or expired. */
  consumeState(state: string): Promise<OAuthState | null> {
    return this.store.consumeOAuthState(state, this.now());
  }

  /** Exchanges the code for tokens and reads who signed in. Stores nothing. */
  async exchange(code: string, state: OAuthState): Promise<SignIn> {
    const platform = createPlatform(this.credentials);
    try {
      await platform.login({
        code,
        redirect_uri: this.credentials.redirectUri,
        code_verifier: state.codeVerifier,
      });
    } catch (error) {
      const failure = await toAppError(error);
      throw new AppError('oauth_failed', failure.message, {
        reason: 'RingCentral did not accept the sign-in. Please start again from Slack.',
      });
    }
    const tokens = authDataToTokens(await platform.auth().data());
    try {
      const response = await platform.get('/restapi/v1.0/account/~/extension/~');
      const extension = (await response.json()) as ExtensionRecord;
      this.budget?.record(budgetKeyOf(identityOf(extension)), 'Light');
      const accountName = extension.contact?.company?.trim() || null;
      return { tokens, identity: identityOf(extension), accountName };
    } catch (error) {
      await platform.logout().catch(() => undefined);
      const failure = await toAppError(error);
      throw new AppError('oauth_failed', failure.message, {
        reason: 'RingCentral signed you in but would not say which extension you are.',
      });
    }
  }
}

/**
 * Ends the RingCentral session of a pair. The refresh token is sent, not the access token: it
 * outlives the access token, so a link idle for hours is still ended. Errors are ignored, as
 * RingCentral advises: revoking is not retried.
 */
export async function revokeTokens(
  credentials: RingCentralAppCredentials,
  tokens: TokenSet,
): Promise<void> {
  const token = tokens.refreshToken || tokens.accessToken;
  if (!token) return;
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
    'base64',
  );
  await sendRequest(new URL('/restapi/oauth/revoke', credentials.serverUrl), {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token }).toString(),
    timeoutMs: REQUEST_TIMEOUT_MS,
  }).catch(() => undefined);
}
