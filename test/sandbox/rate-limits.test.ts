/**
 * Rate limits per app and user and group, the penalty that restarts on every request made
 * during it, the X-Rate-Limit-* headers, and the knobs tests use: faults, latency, expiry.
 */
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { type Answer, apiGet, refresh, signIn, sleep } from './helpers';

const ACCOUNT = '/restapi/v1.0/account/~';
const EXTENSIONS = '/restapi/v1.0/account/~/extension';

function rateHeaders(a: Answer) {
  return ['group', 'limit', 'remaining', 'window'].map((h) => a.headers.get(`x-rate-limit-${h}`));
}

describe('limits', () => {
  let sb: Sandbox;

  beforeEach(async () => {
    sb = await startSandbox({
      rateLimits: { Light: 3, Medium: 2, Heavy: 1, Auth: 3, windowSec: 0.5, penaltySec: 0.5 },
    });
  });

  afterEach(() => sb.close());

  it('counts each group apart, per user, and answers 429 CMN-301 with Retry-After', async () => {
    const ana = (await signIn(sb, '104')).access_token;
    const ben = (await signIn(sb, '105')).access_token;
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(rateHeaders(await apiGet(sb, ana, ACCOUNT)));
    expect(seen).toEqual([
      ['Light', '3', '2', '0.5'],
      ['Light', '3', '1', '0.5'],
      ['Light', '3', '0', '0.5'],
    ]);
    const over = await apiGet(sb, ana, ACCOUNT);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ errorCode: 'CMN-301', message: 'Request rate exceeded' });
    expect(over.headers.get('retry-after')).toBe('1');
    expect(rateHeaders(over)).toEqual(['Light', '3', '0', '0.5']);
    // Another group, and another user, are not affected.
    expect((await apiGet(sb, ana, EXTENSIONS)).status).toBe(200);
    expect((await apiGet(sb, ben, ACCOUNT)).status).toBe(200);
    expect(sb.countRequests({ group: 'Light', status: 429 })).toBe(1);
  });

  it('the penalty restarts on every request made during it', async () => {
    const ana = (await signIn(sb, '104')).access_token;
    const get = async () => (await apiGet(sb, ana, '/restapi/v1.0/account/~/phone-number')).status;
    expect(await get()).toBe(403); // Heavy: limit 1; a refused call still counts
    expect(await get()).toBe(429); // penalty until t+0.5
    await sleep(300);
    expect(await get()).toBe(429); // restarts: until t+0.8
    await sleep(300);
    expect(await get()).toBe(429); // would have been free without the restart; until t+1.1
    await sleep(650);
    expect(await get()).toBe(403);
  });

  it('the token endpoint is limited in the Auth group', async () => {
    let tokens = await signIn(sb, '104'); // 1 of 3
    for (let i = 0; i < 2; i++) {
      const r = await refresh(sb, tokens.refresh_token);
      expect(r.headers.get('x-rate-limit-group')).toBe('Auth');
      tokens = r.body;
    }
    const over = await refresh(sb, tokens.refresh_token);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('1');
    // The refused request did not rotate anything: the token still works after the penalty.
    await sleep(600);
    expect((await refresh(sb, tokens.refresh_token)).status).toBe(200);
  });
});

describe('test knobs', () => {
  let sb: Sandbox;
  let ana: string;

  beforeAll(async () => {
    sb = await startSandbox({ rateLimits: false });
    ana = (await signIn(sb, '104')).access_token;
  });

  afterAll(() => sb.close());

  it('faults.next fails the next N API requests, with RingCentral bodies and headers', async () => {
    sb.faults.next({ status: 503, count: 2 });
    const a = await apiGet(sb, ana, ACCOUNT);
    expect(a.status).toBe(503);
    expect(a.body).toMatchObject({ errorCode: 'CMN-201', errors: [{ errorCode: 'CMN-201' }] });
    expect(a.headers.get('x-rate-limit-group')).toBe('Light');
    expect((await apiGet(sb, ana, ACCOUNT)).status).toBe(503);
    expect((await apiGet(sb, ana, ACCOUNT)).status).toBe(200);
  });

  it('a forced 429 carries Retry-After; a fault may target a path, or the token endpoint', async () => {
    sb.faults.next({ status: 429, retryAfterSec: 7, path: /forwarding-number$/ });
    expect((await apiGet(sb, ana, ACCOUNT)).status).toBe(200);
    const a = await apiGet(sb, ana, '/restapi/v1.0/account/~/extension/~/forwarding-number');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    expect(a.body).toMatchObject({ errorCode: 'CMN-301' });
    sb.faults.next({ status: 500, errorCode: 'OAU-999', path: /\/oauth\/token$/ });
    const tokens = await signIn(sb, '105').catch((e: Error) => e);
    expect(String(tokens)).toContain('OAU-999');
  });

  it('a 400 fault on the token endpoint has the OAuth error shape; clear() drops faults', async () => {
    const tokens = await signIn(sb, '105');
    sb.faults.next({ status: 400, path: /oauth\/token$/, errorCode: 'OAU-211' });
    const refused = await refresh(sb, tokens.refresh_token);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: 'invalid_grant',
      errors: [{ errorCode: 'OAU-211' }],
    });
    sb.faults.next({ status: 500 });
    sb.faults.clear();
    expect((await apiGet(sb, ana, ACCOUNT)).status).toBe(200);
  });

  it('delayMs slows every answer', async () => {
    sb.faults.delayMs = 120;
    try {
      const started = Date.now();
      await apiGet(sb, ana, ACCOUNT);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      sb.faults.delayMs = 0;
    }
  });

  it('expireAccessTokens expires one user’s tokens, and refreshing recovers', async () => {
    const ben = await signIn(sb, '105');
    sb.expireAccessTokens('435068008');
    const a = await apiGet(sb, ana, ACCOUNT);
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ errorCode: 'TokenExpired', errors: [{ errorCode: 'OAU-213' }] });
    expect((await apiGet(sb, ben.access_token, ACCOUNT)).status).toBe(200);
    const fresh = await signIn(sb, '104');
    expect((await apiGet(sb, fresh.access_token, ACCOUNT)).status).toBe(200);
    sb.expireAccessTokens();
    expect((await apiGet(sb, ben.access_token, ACCOUNT)).status).toBe(401);
    const renewed = await refresh(sb, ben.refresh_token);
    expect((await apiGet(sb, renewed.body.access_token, ACCOUNT)).status).toBe(200);
  });

  it('records every request with its group, status, user and grant type', async () => {
    sb.resetRequests();
    await signIn(sb, '104');
    expect(sb.requests.map((r) => [r.method, r.path, r.group, r.status])).toEqual([
      ['GET', '/restapi/oauth/authorize', null, 200],
      ['POST', '/restapi/oauth/authorize/approve', null, 302],
      ['POST', '/restapi/oauth/token', 'Auth', 200],
    ]);
    expect(sb.requests[2]).toMatchObject({
      grantType: 'authorization_code',
      extensionId: '435068008',
    });
    expect(sb.countRequests({ path: /oauth\/token/, extensionId: '435068008' })).toBe(1);
  });
});
