/**
 * The behaviour every SubscriptionsStore must have: a pending row per link claimed once, due
 * rows taken by one process only, and writes that land only on the row they expect.
 */
import type { CreatedSubscription } from '../../src/store/types';
import type { MakeHarness, StoreHarness } from './contract-harness';
import { ALICE, BOB, newLink, T0 } from './fixtures';

const OWNER = { accountId: '37439510', extensionId: '101' };

function created(id: string, at = T0): CreatedSubscription {
  return {
    subscriptionId: id,
    tokenHash: `hash-${id}`,
    expiresAt: at + 1000,
    nextCheckAt: at + 500,
  };
}

export function subscriptionsStoreContract(name: string, makeStore: MakeHarness): void {
  describe(`${name} (SubscriptionsStore contract)`, () => {
    let harness: StoreHarness;

    beforeEach(async () => {
      harness = await makeStore();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('lists active links without a subscription, and claims a new one once', async () => {
      const store = harness.store;
      await store.links.saveLink(newLink(ALICE));
      await store.links.saveLink(newLink(BOB, 'b', '105'));
      await store.links.markBroken(BOB, 'refused');
      expect(await store.subscriptions.linksWithout(10)).toEqual([{ ...ALICE, ...OWNER }]);
      // What WebSocket subscriptions are opened for: active links only, row or not.
      expect(await store.subscriptions.activeLinks(10)).toEqual([
        { ...ALICE, ...OWNER, isAdmin: true },
      ]);
      const other = await harness.openAnother();
      const claims = await Promise.all([
        store.subscriptions.claimNew(ALICE, OWNER, T0, T0 + 60),
        other.subscriptions.claimNew(ALICE, OWNER, T0, T0 + 60),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.subscriptions.linksWithout(10)).toEqual([]);
      expect(await store.subscriptions.activeLinks(10)).toHaveLength(1);
      expect(await store.subscriptions.get(ALICE)).toEqual({
        ...ALICE,
        ...OWNER,
        subscriptionId: null,
        tokenHash: null,
        expiresAt: null,
        nextCheckAt: T0 + 60,
        updatedAt: T0,
      });
    });

    it('stores what was created only over the row it expects', async () => {
      const subs = harness.store.subscriptions;
      await subs.claimNew(ALICE, OWNER, T0, T0 + 60);
      expect(await subs.saveCreated(ALICE, 'someone-else', created('sub-1'), T0 + 1)).toBe(false);
      expect(await subs.saveCreated(ALICE, null, created('sub-1'), T0 + 1)).toBe(true);
      expect(await subs.saveCreated(ALICE, null, created('sub-2'), T0 + 2)).toBe(false);
      expect(await subs.bySubscriptionId('sub-1')).toMatchObject({
        ...ALICE,
        subscriptionId: 'sub-1',
        tokenHash: 'hash-sub-1',
        expiresAt: T0 + 1000,
        nextCheckAt: T0 + 500,
      });
      // Re-created after RingCentral dropped it: replaces sub-1, and sub-1 is gone.
      expect(await subs.saveCreated(ALICE, 'sub-1', created('sub-3'), T0 + 3)).toBe(true);
      expect(await subs.bySubscriptionId('sub-1')).toBeNull();
      expect((await subs.get(ALICE))?.subscriptionId).toBe('sub-3');
      expect(await subs.bySubscriptionId('unknown')).toBeNull();
    });

    it('hands out due rows, and only one process takes each', async () => {
      const subs = harness.store.subscriptions;
      await subs.claimNew(ALICE, OWNER, T0, T0 + 10);
      await subs.claimNew(BOB, OWNER, T0, T0 + 20);
      expect((await subs.due(T0 + 5, 10)).map((row) => row.userId)).toEqual([]);
      const due = await subs.due(T0 + 15, 10);
      expect(due.map((row) => row.userId)).toEqual([ALICE.userId]);
      const row = due[0];
      if (!row) throw new Error('no due row');
      const other = (await harness.openAnother()).subscriptions;
      const takes = await Promise.all([
        subs.claimDue(row, T0 + 100, T0 + 15),
        other.claimDue(row, T0 + 100, T0 + 15),
      ]);
      expect(takes.filter(Boolean)).toHaveLength(1);
      expect((await subs.due(T0 + 25, 10)).map((r) => r.userId)).toEqual([BOB.userId]);
      expect(await subs.due(T0 + 25, 0)).toEqual([]);
    });

    it('reschedules and renews only the subscription it names', async () => {
      const subs = harness.store.subscriptions;
      await subs.claimNew(ALICE, OWNER, T0, T0 + 10);
      await subs.saveCreated(ALICE, null, created('sub-1'), T0);
      expect(await subs.reschedule(ALICE, 'sub-0', T0 + 900, T0 + 1)).toBe(false);
      expect(await subs.reschedule(ALICE, 'sub-1', T0 + 900, T0 + 1)).toBe(true);
      expect(await subs.get(ALICE)).toMatchObject({ nextCheckAt: T0 + 900, expiresAt: T0 + 1000 });
      expect(await subs.reschedule(ALICE, 'sub-1', T0 + 950, T0 + 2, T0 + 5000)).toBe(true);
      expect(await subs.get(ALICE)).toMatchObject({ nextCheckAt: T0 + 950, expiresAt: T0 + 5000 });
    });

    it('removes a row, or only the subscription it names', async () => {
      const subs = harness.store.subscriptions;
      await subs.claimNew(ALICE, OWNER, T0, T0 + 10);
      await subs.saveCreated(ALICE, null, created('sub-1'), T0);
      expect(await subs.remove(ALICE, 'sub-0')).toBe(false);
      expect(await subs.remove(ALICE, 'sub-1')).toBe(true);
      expect(await subs.get(ALICE)).toBeNull();
      await subs.claimNew(BOB, OWNER, T0, T0 + 10);
      expect(await subs.remove(BOB)).toBe(true);
      expect(await subs.remove(BOB)).toBe(false);
    });
  });
}
