/**
 * The behaviour every MembersStore must have: the welcome, link prompts and the one reminder.
 * Each implementation runs this suite against a real database; `openAnother` stands for a
 * second app process on the same database.
 */
import type { MembersStore } from '../../src/store/types';
import type { MakeHarness, StoreHarness } from './contract-harness';
import { ALICE, BOB, T0 } from './fixtures';

export function membersStoreContract(name: string, makeStore: MakeHarness): void {
  describe(`${name} (MembersStore contract)`, () => {
    let harness: StoreHarness;
    let store: MembersStore;

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store.members;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('keeps its data for a new instance on the same database', async () => {
      await store.markWelcomed(ALICE, T0);
      await harness.store.close();
      const reopened = (await harness.openAnother()).members;
      expect((await reopened.getMember(ALICE))?.welcomedAt).toBe(T0);
    });

    it('welcome is recorded once, even under concurrency', async () => {
      expect(await store.getMember(ALICE)).toBeNull();
      const other = (await harness.openAnother()).members;
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
      const other = (await harness.openAnother()).members;
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
        brokenNoticeVersion: null,
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

      const other = (await harness.openAnother()).members;
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

    it('a broken link is told once, even under concurrency, and a later break again', async () => {
      const other = (await harness.openAnother()).members;
      const claims = await Promise.all([
        store.claimBrokenNotice(ALICE, 7),
        other.claimBrokenNotice(ALICE, 7),
        store.claimBrokenNotice(ALICE, 7),
        other.claimBrokenNotice(ALICE, 7),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimBrokenNotice(ALICE, 7)).toBe(false);
      // A slower process holding the link as it was before a relink cannot claim it again.
      expect(await other.claimBrokenNotice(ALICE, 3)).toBe(false);
      expect((await store.getMember(ALICE))?.brokenNoticeVersion).toBe(7);
      // The member relinked (a higher version) and that link broke too: told again, once.
      expect(await other.claimBrokenNotice(ALICE, 12)).toBe(true);
      expect(await store.claimBrokenNotice(ALICE, 12)).toBe(false);
      // Other members are their own business.
      expect(await store.claimBrokenNotice(BOB, 7)).toBe(true);
    });

    it('a released broken-link claim can be made again; releasing an older one changes nothing', async () => {
      await store.markWelcomed(ALICE, T0);
      expect(await store.claimBrokenNotice(ALICE, 7)).toBe(true);
      await store.releaseBrokenNotice(ALICE, 7);
      expect(await store.getMember(ALICE)).toMatchObject({
        welcomedAt: T0,
        brokenNoticeVersion: null,
      });
      expect(await store.claimBrokenNotice(ALICE, 7)).toBe(true);
      expect(await store.claimBrokenNotice(ALICE, 9)).toBe(true);
      await store.releaseBrokenNotice(ALICE, 7);
      expect((await store.getMember(ALICE))?.brokenNoticeVersion).toBe(9);
      expect(await store.claimBrokenNotice(ALICE, 9)).toBe(false);
    });
  });
}
