/**
 * The sandbox's faults beyond HTTP errors, as the app's fault tests use them: a hang, a reset,
 * a body that is not JSON, a 200 that breaks the schema, and token answers that arrive late or
 * never although the pair was rotated.
 */
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { apiGet, refresh, signIn } from './helpers';

const ACCOUNT = '/restapi/v1.0/account/~';
let sb: Sandbox;
let ana: string;

beforeAll(async () => {
  sb = await startSandbox({ rateLimits: false });
  ana = (await signIn(sb, '104')).access_token;
});
afterAll(() => sb.close());
afterEach(() => sb.faults.clear());

const raw = (path: string, timeoutMs = 2_000) =>
  fetch(`${sb.url}${path}`, {
    headers: { authorization: `Bearer ${ana}` },
    signal: AbortSignal.timeout(timeoutMs),
  });

describe('sandbox fault kinds', () => {
  it('hang answers nothing (the client gives up), reset drops the connection', async () => {
    sb.faults.next({ kind: 'hang', delayMs: 5_000 });
    const started = Date.now();
    await expect(raw(ACCOUNT, 300)).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeLessThan(2_000);
    sb.faults.next({ kind: 'reset' });
    await expect(raw(ACCOUNT)).rejects.toThrow(/fetch failed/);
    expect((await raw(ACCOUNT)).status).toBe(200);
  });

  it('malformed answers a 200 that is not JSON; body answers a 200 with any JSON', async () => {
    sb.faults.next({ kind: 'malformed' });
    const bad = await raw(ACCOUNT);
    expect(bad.status).toBe(200);
    await expect(bad.json()).rejects.toThrow();
    sb.faults.next({ kind: 'body', body: { records: 'not a list' } });
    expect((await apiGet(sb, ana, ACCOUNT)).body).toEqual({ records: 'not a list' });
  });

  it('slow and lost serve the token request first: the pair is rotated either way', async () => {
    const first = await signIn(sb, '105');
    sb.faults.next({ kind: 'lost', path: /oauth\/token$/ });
    await expect(refresh(sb, first.refresh_token)).rejects.toThrow(/fetch failed/);
    // RingCentral rotated the pair; presenting the old token again returns it (its grace).
    const replay = await refresh(sb, first.refresh_token);
    expect(replay.status).toBe(200);
    expect(replay.body.refresh_token).not.toBe(first.refresh_token);
    sb.faults.next({ kind: 'slow', delayMs: 200, path: /oauth\/token$/ });
    const started = Date.now();
    const late = await refresh(sb, replay.body.refresh_token);
    expect(late.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
