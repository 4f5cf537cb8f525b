/**
 * The behaviour every LinkStore must have. Each implementation runs this suite against a real
 * database; `openAnother` stands for a second app process on the same database.
 */
import type { TokenCipher } from '../../src/store/crypto';
import type { LinkStore } from '../../src/store/types';
import { describeLinkContract } from './contract-links';
import { ALICE, BOB, newLink, oauthState, sleep, T0 } from './fixtures';

export interface StoreHarness {
  store: LinkStore;
  /**
   * A second, connected store on the same database (closed by `cleanup`), sealing with the
   * harness's own cipher unless given another.
   */
  openAnother(cipher?: TokenCipher): Promise<LinkStore>;
  /** Closes every store the harness opened and removes the database. */
  cleanup(): Promise<void>;
}

/** The harness of the running test, for the parts of the suite kept in their own modules. */
export interface ContractContext {
  readonly harness: StoreHarness;
  readonly store: LinkStore;
}

export function describeLinkStoreContract(
  name: string,
  makeStore: () => Promise<StoreHarness>,
): void {
  describe(`${name} (LinkStore contract)`, () => {
    let harness: StoreHarness;
    let store: LinkStore;

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    describe('connection', () => {
      it('answers ping, and a second connect() is harmless', async () => {
        await store.connect();
        await Promise.all([store.connect(), store.connect()]);
        expect(await store.ping()).toBe(true);
        await store.saveLink(newLink(ALICE));
        await store.connect();
        expect(await store.getLink(ALICE)).not.toBeNull();
      });

      it('keeps its data for a new instance on the same database', async () => {
        await store.saveLink(newLink(ALICE));
        await store.saveOAuthState(oauthState('s-persist'));
        await store.markWelcomed(ALICE, T0);
        const saved = await store.getLink(ALICE);
        await store.close();
        const reopened = await harness.openAnother();
        expect(await reopened.getLink(ALICE)).toEqual(saved);
        expect((await reopened.getMember(ALICE))?.welcomedAt).toBe(T0);
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

    describe('refresh lease', () => {
      it('only one store instance holds it; the owner may renew; release frees it', async () => {
        const other = await harness.openAnother();
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
        const other = await harness.openAnother();
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
        const other = await harness.openAnother();
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

    describe('members', () => {
      it('welcome is recorded once, even under concurrency', async () => {
        expect(await store.getMember(ALICE)).toBeNull();
        const other = await harness.openAnother();
        const firsts = await Promise.all([
          store.markWelcomed(ALICE, T0),
          other.markWelcomed(ALICE, T0 + 1),
          store.markWelcomed(ALICE, T0 + 2),
        ]);
        expect(firsts.filter(Boolean)).toHaveLength(1);
        expect(await store.markWelcomed(ALICE, T0 + 5)).toBe(false);
        const member = await store.getMember(ALICE);
        expect([T0, T0 + 1, T0 + 2]).toContain(member?.welcomedAt);
      });

      it('claims a prompt once while the member is in their quiet period, and can release it', async () => {
        const other = await harness.openAnother();
        const claims = await Promise.all([
          store.claimPrompt(ALICE, T0, T0 - 100),
          other.claimPrompt(ALICE, T0, T0 - 100),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        // Within the quiet period (prompted at T0, quiet since T0 - 100): refused.
        expect(await store.claimPrompt(ALICE, T0 + 50, T0 + 50 - 100)).toBe(false);
        // Past it: claimed again.
        expect(await store.claimPrompt(ALICE, T0 + 500, T0 + 400)).toBe(true);
        // A prompt whose message failed is forgotten, so the next run tries again.
        await store.releasePrompt(ALICE, T0 + 500);
        expect((await store.getMember(ALICE))?.lastPromptedAt).toBeNull();
        expect(await store.claimPrompt(ALICE, T0 + 501, T0 + 401)).toBe(true);
        // Releasing someone else's newer prompt changes nothing.
        await store.releasePrompt(ALICE, T0 + 500);
        expect((await store.getMember(ALICE))?.lastPromptedAt).toBe(T0 + 501);
      });

      it('a prompt before the welcome does not count as a welcome', async () => {
        await store.recordPrompt(ALICE, T0);
        await store.recordPrompt(ALICE, T0 + 5);
        expect(await store.getMember(ALICE)).toEqual({
          ...ALICE,
          welcomedAt: null,
          lastPromptedAt: T0 + 5,
          linkOpenedAt: null,
          reminderDueAt: null,
          reminderSentAt: null,
        });
        expect(await store.markWelcomed(ALICE, T0 + 6)).toBe(true);
        expect((await store.getMember(ALICE))?.lastPromptedAt).toBe(T0 + 5);
      });

      it('reminders fall due, are claimed once, and respect the limit', async () => {
        const carol = { teamId: 'T0002', userId: 'U0CAROL' };
        await store.noteLinkOpened(ALICE, T0, T0 + 100);
        await store.noteLinkOpened(BOB, T0, T0 + 200);
        await store.noteLinkOpened(carol, T0, T0 + 900);
        expect(await store.dueReminders(T0 + 99, 10)).toEqual([]);
        expect(await store.dueReminders(T0 + 500, 10)).toEqual([ALICE, BOB]);
        expect(await store.dueReminders(T0 + 500, 1)).toEqual([ALICE]);
        expect(await store.claimReminder(carol, T0 + 500)).toBe(false);

        const other = await harness.openAnother();
        const claims = await Promise.all([
          store.claimReminder(ALICE, T0 + 500),
          other.claimReminder(ALICE, T0 + 500),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.claimReminder(ALICE, T0 + 600)).toBe(false);
        expect(await store.dueReminders(T0 + 500, 10)).toEqual([BOB]);
        expect(await store.getMember(ALICE)).toMatchObject({
          linkOpenedAt: T0,
          reminderDueAt: T0 + 100,
          reminderSentAt: T0 + 500,
        });
      });

      it('a cancelled reminder never falls due; opening the link again schedules one', async () => {
        await store.noteLinkOpened(ALICE, T0, T0 + 100);
        await store.cancelReminder(ALICE);
        await store.cancelReminder(BOB);
        expect(await store.dueReminders(T0 + 1000, 10)).toEqual([]);
        expect(await store.claimReminder(ALICE, T0 + 1000)).toBe(false);
        await store.noteLinkOpened(ALICE, T0 + 2000, T0 + 2100);
        expect(await store.dueReminders(T0 + 2100, 10)).toEqual([ALICE]);
        expect(await store.claimReminder(ALICE, T0 + 2100)).toBe(true);
        // One reminder: opening the link again after it was sent schedules no second one.
        await store.noteLinkOpened(ALICE, T0 + 3000, T0 + 3100);
        expect(await store.getMember(ALICE)).toMatchObject({
          linkOpenedAt: T0 + 3000,
          reminderSentAt: T0 + 2100,
        });
        expect(await store.dueReminders(T0 + 5000, 10)).toEqual([]);
      });
    });
  });
}
