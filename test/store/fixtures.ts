import type { MemberKey, NewLink, OAuthState, TokenSet } from '../../src/store/types';

export const T0 = 1_700_000_000_000;

export const ALICE: MemberKey = { teamId: 'T0001', userId: 'U0ALICE' };
export const BOB: MemberKey = { teamId: 'T0001', userId: 'U0BOB' };

/** A token pair whose values are easy to spot in raw bytes. */
export function tokens(tag: string, at = T0): TokenSet {
  return {
    accessToken: `access-token-${tag}-U0xYzPlainAccessSecret`,
    refreshToken: `refresh-token-${tag}-U0xYzPlainRefreshSecret`,
    accessTokenExpiresAt: at + 3_600_000,
    refreshTokenExpiresAt: at + 604_800_000,
    scope: 'ReadAccounts',
    ownerId: '101',
  };
}

export function newLink(key: MemberKey, tag = 'one', extensionId = '101'): NewLink {
  return {
    ...key,
    identity: {
      accountId: '37439510',
      extensionId,
      extensionNumber: '101',
      name: 'Alice Example',
      extensionType: 'User',
      isAdmin: true,
      email: 'alice@example.com',
    },
    tokens: { ...tokens(tag), ownerId: extensionId },
  };
}

export function oauthState(
  state: string,
  key: MemberKey = ALICE,
  expiresAt = T0 + 600_000,
): OAuthState {
  return {
    ...key,
    state,
    codeVerifier: `verifier-${state}`,
    channelId: 'C0GENERAL',
    responseUrl: 'https://hooks.slack.com/commands/T0001/1/abc',
    createdAt: T0,
    expiresAt,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
