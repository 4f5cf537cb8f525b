/**
 * RingCentral's refresh rule, on the sandbox's token store with a fake clock: a rotated-out
 * refresh token answers with the same new pair for up to 60 minutes while the new access token
 * is unused, and dies about 10 s after that access token's first use.
 */
import { TokenStore } from '../../src/sandbox/oauth/token-store';

function setup() {
  let now = 1_700_000_000_000;
  const store = new TokenStore(
    {
      accessTokenTtlSec: 3600,
      refreshTokenTtlSec: 604800,
      authCodeTtlSec: 60,
      refreshGraceUnusedSec: 3600,
      refreshGraceAfterUseSec: 10,
    },
    0,
    () => now,
  );
  const first = store.startSession('client', '104', 'ReadAccounts', {});
  return {
    store,
    first,
    advance: (ms: number) => {
      now += ms;
    },
    refresh: (token: string) => store.refresh({ refreshToken: token, clientId: 'client' }, {}),
  };
}

const refused = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { body?: { error?: string } }).body?.error;
  }
  return 'accepted';
};

describe('refresh token grace (sandbox token store)', () => {
  it('unused: the old token returns the same new pair for 60 minutes, then is refused', () => {
    const t = setup();
    const next = t.refresh(t.first.refreshToken);
    t.advance(59 * 60_000);
    const again = t.refresh(t.first.refreshToken);
    expect(again.accessToken).toBe(next.accessToken);
    expect(again.refreshToken).toBe(next.refreshToken);
    // Replaying is not a use of the new access token.
    expect(next.firstUsedAt).toBeNull();
    t.advance(61_000);
    expect(refused(() => t.refresh(t.first.refreshToken))).toBe('invalid_grant');
    expect(t.store.spentReuse).toBe(1);
    // The new pair itself still refreshes.
    expect(t.refresh(next.refreshToken).accessToken).not.toBe(next.accessToken);
  });

  it('used: the old token dies about 10 s after the new access token’s first use', () => {
    const t = setup();
    const next = t.refresh(t.first.refreshToken);
    t.advance(30 * 60_000);
    expect(t.store.checkAccess(next.accessToken).ok).toBe(true);
    t.advance(9_000);
    expect(t.refresh(t.first.refreshToken).accessToken).toBe(next.accessToken);
    // A later use does not extend the grace: it runs from the first use.
    expect(t.store.checkAccess(next.accessToken).ok).toBe(true);
    t.advance(1_500);
    expect(refused(() => t.refresh(t.first.refreshToken))).toBe('invalid_grant');
  });

  it('once the new pair has been refreshed itself, the old token is refused at once', () => {
    const t = setup();
    const next = t.refresh(t.first.refreshToken);
    t.refresh(next.refreshToken);
    expect(refused(() => t.refresh(t.first.refreshToken))).toBe('invalid_grant');
  });
});
