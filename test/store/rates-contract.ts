/**
 * The behaviour every RateLedger must have: one window per person and group shared by every
 * process on the database, refunds that give back exactly one request, and blocks after a 429.
 */
import type { MakeHarness, StoreHarness } from './contract-harness';

const WINDOW = 60_000;
const T = 1_000_000;

export function ratesStoreContract(name: string, makeStore: MakeHarness): void {
  describe(`${name} (RateLedger contract)`, () => {
    let harness: StoreHarness;

    beforeEach(async () => {
      harness = await makeStore();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('lets two processes together send no more than the limit in one window', async () => {
      const other = (await harness.openAnother()).rates;
      const mine = harness.store.rates;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? other : mine).trySpend('acct:101', 'Heavy', `r${i}`, T + i, WINDOW, 4),
        ),
      );
      expect(results.filter((r) => r.spent)).toHaveLength(4);
      // Room opens when the oldest of the four leaves the window, for both processes alike.
      const refused = await other.trySpend('acct:101', 'Heavy', 'late', T + 10, WINDOW, 4);
      expect(refused.spent).toBe(false);
      const retryAt = refused.spent ? 0 : refused.retryAt;
      expect(retryAt).toBeGreaterThan(T + WINDOW);
      expect(retryAt).toBeLessThanOrEqual(T + 5 + WINDOW + 1);
      const next = await mine.trySpend('acct:101', 'Heavy', 'next', T + WINDOW + 6, WINDOW, 4);
      expect(next.spent).toBe(true);
    });

    it('counts each person and group apart', async () => {
      const rates = harness.store.rates;
      expect((await rates.trySpend('acct:101', 'Light', 'a', T, WINDOW, 1)).spent).toBe(true);
      expect((await rates.trySpend('acct:101', 'Light', 'b', T, WINDOW, 1)).spent).toBe(false);
      expect((await rates.trySpend('acct:101', 'Medium', 'c', T, WINDOW, 1)).spent).toBe(true);
      expect((await rates.trySpend('acct:102', 'Light', 'd', T, WINDOW, 1)).spent).toBe(true);
    });

    it('gives back one refunded request, and purges only what left every window', async () => {
      const rates = harness.store.rates;
      await rates.trySpend('acct:101', 'Light', 'a', T, WINDOW, 1);
      await rates.refund('a');
      expect((await rates.trySpend('acct:101', 'Light', 'b', T + 1, WINDOW, 1)).spent).toBe(true);
      expect(await rates.purge(T + 1)).toBe(0);
      expect(await rates.purge(T + 2)).toBe(1);
    });

    it('blocks a group for every process until the 429 has passed, never shortening it', async () => {
      const other = (await harness.openAnother()).rates;
      await harness.store.rates.block('acct:101', 'Heavy', T + 30_000);
      await other.block('acct:101', 'Heavy', T + 10_000);
      // Purging what left the window keeps a block that has not ended.
      await other.purge(T + 20_000);
      expect(await other.trySpend('acct:101', 'Heavy', 'a', T + 20_000, WINDOW, 10)).toEqual({
        spent: false,
        retryAt: T + 30_000,
      });
      expect((await other.trySpend('acct:101', 'Heavy', 'b', T + 30_001, WINDOW, 10)).spent).toBe(
        true,
      );
      expect((await other.trySpend('acct:101', 'Light', 'c', T + 20_000, WINDOW, 10)).spent).toBe(
        true,
      );
    });
  });
}
