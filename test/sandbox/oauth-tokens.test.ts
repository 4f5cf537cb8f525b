/**
 * Token lifetimes after sign-in: refresh rotation with its grace, expired refresh and access
 * tokens, revoke ending the whole session, and the per-user session limit.
 */
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { apiGet, refresh, signIn, sleep, tokenRequest } from './helpers';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ rateLimits: false, refreshGraceAfterUseSec: 0.2 });
});

afterAll(() => sb.close());

describe('token: refresh_token rotation', () => {
  it('replays the same new pair while it is unused, then dies shortly after its use', async () => {
    const first = await signIn(sb, '104');
    const second = await refresh(sb, first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const replay = await refresh(sb, first.refresh_token);
    expect(replay.body.access_token).toBe(second.body.access_token);
    expect(replay.body.refresh_token).toBe(second.body.refresh_token);

    const reuses = sb.spentRefreshTokenReuse();
    expect((await apiGet(sb, second.body.access_token, '/restapi/v1.0/account/~')).status).toBe(
      200,
    );
    await sleep(250);
    const dead = await refresh(sb, first.refresh_token);
    expect(dead.status).toBe(400);
    expect(dead.body).toMatchObject({ error: 'invalid_grant', errors: [{ errorCode: 'OAU-210' }] });
    expect(sb.spentRefreshTokenReuse()).toBe(reuses + 1);
    expect((await refresh(sb, second.body.refresh_token)).status).toBe(200);
  });

  it('an old token dies at once when the new pair has itself been refreshed', async () => {
    const first = await signIn(sb, '104');
    const second = await refresh(sb, first.refresh_token);
    expect((await refresh(sb, second.body.refresh_token)).status).toBe(200);
    expect((await refresh(sb, first.refresh_token)).status).toBe(400);
  });

  it('an expired refresh token is refused', async () => {
    sb.setTokenLifetimes({ refreshTokenTtlSec: 0.05 });
    try {
      const tokens = await signIn(sb, '104');
      await sleep(80);
      expect((await refresh(sb, tokens.refresh_token)).body).toMatchObject({
        error: 'invalid_grant',
        errorCode: 'OAU-213',
      });
    } finally {
      sb.setTokenLifetimes({ refreshTokenTtlSec: 604800 });
    }
  });
});

describe('access tokens and revoke', () => {
  it('an access token past its lifetime answers 401 TokenExpired', async () => {
    sb.setTokenLifetimes({ accessTokenTtlSec: 0.05 });
    try {
      const tokens = await signIn(sb, '105');
      await sleep(80);
      const a = await apiGet(sb, tokens.access_token, '/restapi/v1.0/account/~');
      expect(a.status).toBe(401);
      expect(a.body).toEqual({
        errorCode: 'TokenExpired',
        message: 'Access token expired',
        errors: [{ errorCode: 'OAU-213', message: 'Token expired' }],
      });
    } finally {
      sb.setTokenLifetimes({ accessTokenTtlSec: 3600 });
    }
  });

  it('revoking either token ends the whole session', async () => {
    for (const which of ['access_token', 'refresh_token'] as const) {
      const tokens = await signIn(sb, '107');
      const res = await tokenRequest(
        sb,
        { token: tokens[which] },
        undefined,
        '/restapi/oauth/revoke',
      );
      expect(res.status).toBe(200);
      const a = await apiGet(sb, tokens.access_token, '/restapi/v1.0/account/~');
      expect(a.status).toBe(401);
      expect(a.body).toMatchObject({
        errorCode: 'TokenInvalid',
        errors: [{ errorCode: 'OAU-232' }],
      });
      expect((await refresh(sb, tokens.refresh_token)).body).toMatchObject({
        error: 'invalid_grant',
      });
    }
  });

  it('an unknown token is a 401 TokenInvalid', async () => {
    const a = await apiGet(sb, 'not-a-token', '/restapi/v1.0/account/~');
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ errorCode: 'TokenInvalid' });
  });

  it('the oldest session ends when a user opens one too many (when limited)', async () => {
    const limited = await startSandbox({ rateLimits: false, maxSessionsPerUser: 2 });
    try {
      const [s1, s2, s3] = [
        await signIn(limited, '104'),
        await signIn(limited, '104'),
        await signIn(limited, '104'),
      ];
      const status = async (t: string) =>
        (await apiGet(limited, t, '/restapi/v1.0/account/~')).status;
      expect([
        await status(s1.access_token),
        await status(s2.access_token),
        await status(s3.access_token),
      ]).toEqual([401, 200, 200]);
    } finally {
      await limited.close();
    }
  });
});
