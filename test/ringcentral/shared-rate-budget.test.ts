// Two app processes on one database share each person's RingCentral budget: what one sends,
// the other cannot send again in the same window, and a 429 seen by one holds back both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '../../src/errors';
import { SharedRateBudget } from '../../src/ringcentral/shared-rate-budget';
import { SqliteStore, TokenCipher } from '../../src/store';

describe('SharedRateBudget', () => {
  const stores: SqliteStore[] = [];
  let dir: string;
  let now = 1_000_000;
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };

  /** A budget as one app process builds it, on its own connection to the shared file. */
  async function process(): Promise<SharedRateBudget> {
    const store = new SqliteStore({
      path: path.join(dir, 'shared.sqlite'),
      cipher: TokenCipher.fromBase64Keys(TokenCipher.generateKey()),
    });
    await store.connect();
    stores.push(store);
    return new SharedRateBudget(store.rates, { ...clock, limits: { Heavy: 4 } });
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-budget-'));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets two processes together send one person no more than the limit', async () => {
    const [a, b] = [await process(), await process()];
    await a.acquire('acct:101', 'Heavy');
    await a.acquire('acct:101', 'Heavy');
    await b.acquire('acct:101', 'Heavy');
    await b.acquire('acct:101', 'Heavy');
    // b's own count says 2 of 4; the shared one says the window is full.
    const refused = await b.acquire('acct:101', 'Heavy').catch((error: unknown) => error);
    expect(isAppError(refused, 'rate_limited')).toBe(true);
    // Another person is counted apart.
    await b.acquire('acct:102', 'Heavy');
    // Willing to wait, b waits out the window instead of sending into RingCentral's penalty.
    const before = now;
    await b.acquire('acct:101', 'Heavy', { maxWaitMs: 120_000 });
    expect(now - before).toBeGreaterThanOrEqual(60_000);
  });

  it('holds back every process after one sees a 429, and gives back refunded requests', async () => {
    const [a, b] = [await process(), await process()];
    a.block('acct:101', 'Heavy', 30);
    await new Promise((resolve) => setImmediate(resolve));
    const refused = await b.acquire('acct:101', 'Heavy').catch((error: unknown) => error);
    expect(isAppError(refused, 'rate_limited')).toBe(true);
    now += 30_001;
    for (let i = 0; i < 4; i++) await a.acquire('acct:101', 'Heavy');
    // A 401 is not counted by RingCentral: the request is given back to everyone.
    a.refund('acct:101', 'Heavy');
    await new Promise((resolve) => setImmediate(resolve));
    await b.acquire('acct:101', 'Heavy');
  });

  it('counts requests sent outside the gate (the identity read at sign-in) for every process', async () => {
    const [a, b] = [await process(), await process()];
    for (let i = 0; i < 3; i++) a.record('acct:101', 'Heavy');
    await new Promise((resolve) => setImmediate(resolve));
    await b.acquire('acct:101', 'Heavy');
    // 3 recorded by a, 1 sent by b: the window is full for both.
    const refused = await b.acquire('acct:101', 'Heavy').catch((error: unknown) => error);
    expect(isAppError(refused, 'rate_limited')).toBe(true);
  });
});
