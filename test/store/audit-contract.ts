/**
 * The behaviour every AuditStore must have: shares recorded, read back newest first within one
 * workspace and one RingCentral account, paged, and purged by age.
 */
import type { NewShareRecord } from '../../src/store/types';
import type { MakeHarness, StoreHarness } from './contract-harness';
import { ALICE, BOB, T0 } from './fixtures';

export function share(at: number, overrides: Partial<NewShareRecord> = {}): NewShareRecord {
  return {
    ...ALICE,
    accountId: '37439510',
    extensionId: '101',
    extensionNumber: '101',
    command: 'forwarding ext 104',
    channelId: 'C0SALES',
    channelName: 'sales',
    sharedAt: at,
    personalCount: 2,
    confirmed: true,
    sharedExternally: false,
    memberCount: 12,
    ...overrides,
  };
}

export function auditStoreContract(name: string, makeStore: MakeHarness): void {
  describe(`${name} (AuditStore contract)`, () => {
    let harness: StoreHarness;

    beforeEach(async () => {
      harness = await makeStore();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const scope = { teamId: ALICE.teamId, accountId: '37439510', offset: 0, limit: 10 };

    it('records a share with every detail and reads it back, also from another process', async () => {
      const recorded = await harness.store.audit.recordShare(share(T0));
      expect(recorded.id).toEqual(expect.any(String));
      const other = await harness.openAnother();
      const { total, items } = await other.audit.recentShares({ ...scope, since: T0 });
      expect(total).toBe(1);
      expect(items).toEqual([{ ...share(T0), id: recorded.id }]);
    });

    it('keeps false, null and zero as they were', async () => {
      const plain = share(T0, {
        confirmed: false,
        sharedExternally: true,
        personalCount: 0,
        memberCount: null,
        channelName: null,
      });
      await harness.store.audit.recordShare(plain);
      const { items } = await harness.store.audit.recentShares({ ...scope, since: 0 });
      expect(items[0]).toMatchObject({
        confirmed: false,
        sharedExternally: true,
        personalCount: 0,
        memberCount: null,
        channelName: null,
      });
    });

    it('lists newest first, pages, and counts everything matching', async () => {
      for (let i = 0; i < 5; i++) {
        await harness.store.audit.recordShare(share(T0 + i * 1000, { command: `ext 10${i}` }));
      }
      const first = await harness.store.audit.recentShares({ ...scope, since: 0, limit: 2 });
      expect(first.total).toBe(5);
      expect(first.items.map((s) => s.command)).toEqual(['ext 104', 'ext 103']);
      const last = await harness.store.audit.recentShares({
        ...scope,
        since: 0,
        limit: 2,
        offset: 4,
      });
      expect(last.items.map((s) => s.command)).toEqual(['ext 100']);
      const recent = await harness.store.audit.recentShares({ ...scope, since: T0 + 3000 });
      expect(recent.items.map((s) => s.command)).toEqual(['ext 104', 'ext 103']);
    });

    it('never shows another workspace or another RingCentral account', async () => {
      await harness.store.audit.recordShare(share(T0, { command: 'mine' }));
      await harness.store.audit.recordShare(
        share(T0, { ...BOB, teamId: 'T0OTHER', command: 'other team' }),
      );
      await harness.store.audit.recordShare(
        share(T0, { accountId: '999', command: 'other account' }),
      );
      const { total, items } = await harness.store.audit.recentShares({ ...scope, since: 0 });
      expect(total).toBe(1);
      expect(items.map((s) => s.command)).toEqual(['mine']);
    });

    it('purges shares older than the cutoff and keeps the rest', async () => {
      await harness.store.audit.recordShare(share(T0, { command: 'old' }));
      await harness.store.audit.recordShare(share(T0 + 10, { command: 'new' }));
      expect(await harness.store.audit.purgeSharesBefore(T0 + 5)).toBe(1);
      expect(await harness.store.audit.purgeSharesBefore(T0 + 5)).toBe(0);
      const { items } = await harness.store.audit.recentShares({ ...scope, since: 0 });
      expect(items.map((s) => s.command)).toEqual(['new']);
    });
  });
}
