/**
 * The behaviour every LinksStore must have. Each implementation runs this suite against a real
 * database; `openAnother` stands for a second app process on the same database.
 */
import type { LinksStore } from '../../src/store/types';
import type { MakeHarness, StoreHarness } from './contract-harness';
import { ALICE, BOB, newLink, oauthState, sleep, T0 } from './fixtures';
import { describeLinkFlowContract } from './links-contract-flow';
import { describeLinkContract } from './links-contract-links';

/** The harness of the running test, for the parts of the suite kept in their own modules. */
export interface LinksContractContext {
  readonly harness: StoreHarness;
  readonly store: LinksStore;
}

export function linksStoreContract(name: string, makeStore: MakeHarness): void {
  describe(`${name} (LinksStore contract)`, () => {
    let harness: StoreHarness;
    let store: LinksStore;

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store.links;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    describe('connection', () => {
      it('answers ping, and a second connect() is harmless', async () => {
        const db = harness.store;
        await db.connect();
        await Promise.all([db.connect(), db.connect()]);
        expect(await db.ping()).toBe(true);
        await store.saveLink(newLink(ALICE));
        await db.connect();
        expect(await store.getLink(ALICE)).not.toBeNull();
      });

      it('keeps its data for a new instance on the same database', async () => {
        await store.saveLink(newLink(ALICE));
        await store.saveOAuthState(oauthState('s-persist'));
        const saved = await store.getLink(ALICE);
        await harness.store.close();
        const reopened = (await harness.openAnother()).links;
        expect(await reopened.getLink(ALICE)).toEqual(saved);
        expect(await reopened.consumeOAuthState('s-persist', T0)).toEqual(oauthState('s-persist'));
      });
    });

    describeLinkContract({
      get harness() {
        return harness;
      },
      get store() {
        return store;
      },
    });

    describeLinkFlowContract({
      get harness() {
        return harness;
      },
      get store() {
        return store;
      },
    });

    describe('refresh lease', () => {
      it('only one store instance holds it; the owner may renew; release frees it', async () => {
        const other = (await harness.openAnother()).links;
        await store.saveLink(newLink(ALICE));
        const attempts = await Promise.all([
          store.tryAcquireRefreshLease(ALICE, 'proc-a', 60_000),
          other.tryAcquireRefreshLease(ALICE, 'proc-b', 60_000),
        ]);
        expect(attempts.filter(Boolean)).toHaveLength(1);
        const [holder, waiter] = attempts[0]
          ? [
              { s: store, id: 'proc-a' },
              { s: other, id: 'proc-b' },
            ]
          : [
              { s: other, id: 'proc-b' },
              { s: store, id: 'proc-a' },
            ];
        expect(await holder.s.tryAcquireRefreshLease(ALICE, holder.id, 60_000)).toBe(true);
        await waiter.s.releaseRefreshLease(ALICE, waiter.id);
        expect(await waiter.s.tryAcquireRefreshLease(ALICE, waiter.id, 60_000)).toBe(false);
        await holder.s.releaseRefreshLease(ALICE, holder.id);
        expect(await waiter.s.tryAcquireRefreshLease(ALICE, waiter.id, 60_000)).toBe(true);
        expect(await holder.s.tryAcquireRefreshLease(ALICE, holder.id, 60_000)).toBe(false);
      });

      it('an expired lease can be taken over', async () => {
        const other = (await harness.openAnother()).links;
        await store.saveLink(newLink(ALICE));
        // Wide enough that a slow runner cannot let the lease lapse before the second attempt.
        expect(await store.tryAcquireRefreshLease(ALICE, 'proc-a', 150)).toBe(true);
        expect(await other.tryAcquireRefreshLease(ALICE, 'proc-b', 150)).toBe(false);
        await sleep(200);
        expect(await other.tryAcquireRefreshLease(ALICE, 'proc-b', 60_000)).toBe(true);
        expect(await store.tryAcquireRefreshLease(ALICE, 'proc-a', 60_000)).toBe(false);
      });

      it('there is no lease without a link', async () => {
        expect(await store.tryAcquireRefreshLease(BOB, 'proc-a', 60_000)).toBe(false);
      });
    });

    describe('OAuth states', () => {
      it('are single use', async () => {
        await store.saveOAuthState(oauthState('s1'));
        expect(await store.consumeOAuthState('s1', T0 + 1000)).toEqual(oauthState('s1'));
        expect(await store.consumeOAuthState('s1', T0 + 1000)).toBeNull();
        expect(await store.consumeOAuthState('unknown', T0)).toBeNull();
      });

      it('keep null channel and response URL', async () => {
        const state = { ...oauthState('s-null'), channelId: null, responseUrl: null };
        await store.saveOAuthState(state);
        expect(await store.consumeOAuthState('s-null', T0)).toEqual(state);
      });

      it('of concurrent consumes from two instances, exactly one wins', async () => {
        const other = (await harness.openAnother()).links;
        await store.saveOAuthState(oauthState('race'));
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? other : store).consumeOAuthState('race', T0 + 1),
          ),
        );
        expect(results.filter((r) => r !== null)).toHaveLength(1);
      });

      it('are refused once expired', async () => {
        await store.saveOAuthState(oauthState('old', ALICE, T0 + 1000));
        expect(await store.consumeOAuthState('old', T0 + 1000)).toBeNull();
        expect(await store.purgeExpiredOAuthStates(T0 + 10_000)).toBe(0);
      });

      it('purge removes only expired states', async () => {
        await store.saveOAuthState(oauthState('a', ALICE, T0 + 1000));
        await store.saveOAuthState(oauthState('b', BOB, T0 + 2000));
        await store.saveOAuthState(oauthState('c', ALICE, T0 + 3000));
        expect(await store.purgeExpiredOAuthStates(T0 + 2000)).toBe(2);
        expect(await store.purgeExpiredOAuthStates(T0 + 2000)).toBe(0);
        expect(await store.consumeOAuthState('a', T0)).toBeNull();
        expect(await store.consumeOAuthState('c', T0)).toEqual(oauthState('c', ALICE, T0 + 3000));
      });
    });
  });
}
