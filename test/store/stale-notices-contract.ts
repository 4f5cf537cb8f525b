/**
 * The behaviour every StaleNoticesStore must have: what one process announces, another reads,
 * in order, from where it last read; and old notices go.
 */
import type { MakeHarness, StoreHarness } from './contract-harness';

export function staleNoticesStoreContract(name: string, makeStore: MakeHarness): void {
  describe(`${name} (StaleNoticesStore contract)`, () => {
    let harness: StoreHarness;

    beforeEach(async () => {
      harness = await makeStore();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('shows another process what one announced, in order, after the last notice it read', async () => {
      const mine = harness.store.staleNotices;
      const other = (await harness.openAnother()).staleNotices;
      expect(await other.latest()).toBe(0);
      await mine.announce('acct:101:user', 'process-a', 1_000);
      await mine.announce('acct:102:admin', 'process-a', 1_001);
      const read = await other.after(0, 10);
      expect(read.map((n) => [n.identityKey, n.origin])).toEqual([
        ['acct:101:user', 'process-a'],
        ['acct:102:admin', 'process-a'],
      ]);
      expect(read[1]?.seq).toBeGreaterThan(read[0]?.seq ?? Infinity);
      expect(await other.latest()).toBe(read[1]?.seq);
      // From the last one read on: only what came after it.
      await other.announce('acct:103:user', 'process-b', 1_002);
      const next = await mine.after(read[1]?.seq ?? 0, 10);
      expect(next.map((n) => n.identityKey)).toEqual(['acct:103:user']);
      expect(await mine.after(0, 2)).toHaveLength(2);
    });

    it('keeps the order of concurrent announces, and purges old notices', async () => {
      const stores = [harness.store, await harness.openAnother()];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stores[i % 2]?.staleNotices.announce(`acct:${i}:user`, `p${i % 2}`, 2_000 + i),
        ),
      );
      const all = await harness.store.staleNotices.after(0, 100);
      expect(all).toHaveLength(20);
      const seqs = all.map((n) => n.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(await harness.store.staleNotices.purge(2_010)).toBe(10);
      expect(await harness.store.staleNotices.after(0, 100)).toHaveLength(10);
    });
  });
}
