/**
 * The linking flow's part of the LinksStore contract: what Connect buttons stand for, sign-ins
 * waiting for a second confirmation, the workspace's one RingCentral account, and the cap on a
 * member's open OAuth states.
 */
import type { ConnectStart, LinksStore, PendingLink } from '../../src/store/types';
import type { StoreHarness } from './contract-harness';
import { ALICE, BOB, newLink, oauthState, T0, tokens } from './fixtures';
import type { LinksContractContext } from './links-contract';

const start = (tokenHash: string, expiresAt = T0 + 7 * 86_400_000): ConnectStart => ({
  ...ALICE,
  tokenHash,
  channelId: 'C0GENERAL',
  responseUrl: 'https://hooks.slack.com/commands/T0001/1/abc',
  createdAt: T0,
  expiresAt,
});

const pending = (id: string, expiresAt = T0 + 600_000): PendingLink => ({
  ...ALICE,
  id,
  identity: { ...newLink(ALICE).identity, email: 'someone.else@example.com' },
  accountName: 'MyCompany Inc.',
  tokens: tokens(`pending-${id}`),
  channelId: null,
  responseUrl: 'https://hooks.slack.com/commands/T0001/2/def',
  createdAt: T0,
  expiresAt,
});

export function describeLinkFlowContract(context: LinksContractContext): void {
  let harness: StoreHarness;
  let store: LinksStore;
  beforeEach(() => {
    ({ harness, store } = context);
  });

  describe('Connect buttons', () => {
    it('are found by token hash until they expire, and purged after', async () => {
      await store.saveConnectStart(start('hash-a', T0 + 1000));
      await store.saveConnectStart({ ...start('hash-b'), channelId: null, responseUrl: null });
      expect(await store.findConnectStart('hash-a', T0)).toEqual(start('hash-a', T0 + 1000));
      expect(await store.findConnectStart('hash-a', T0 + 1000)).toBeNull();
      expect(await store.findConnectStart('unknown', T0)).toBeNull();
      expect(await store.purgeExpiredConnectStarts(T0 + 1000)).toBe(1);
      expect(await store.findConnectStart('hash-a', T0)).toBeNull();
      const kept = await (await harness.openAnother()).links.findConnectStart('hash-b', T0);
      expect(kept).toEqual({ ...start('hash-b'), channelId: null, responseUrl: null });
    });
  });

  describe('pending sign-ins', () => {
    it('come back once, tokens and all, to whichever instance takes them first', async () => {
      const other = (await harness.openAnother()).links;
      await store.savePendingLink(pending('p1'));
      const taken = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).takePendingLink('p1')),
      );
      expect(taken.filter((p) => p !== null)).toEqual([pending('p1')]);
      expect(await store.takePendingLink('p1')).toBeNull();
      expect(await store.takePendingLink('unknown')).toBeNull();
    });

    it('come back even when expired, so their session can be ended', async () => {
      await store.savePendingLink(pending('old', T0 + 1000));
      expect(await store.takePendingLink('old')).toEqual(pending('old', T0 + 1000));
    });

    it('are handed out for ending once expired, each once', async () => {
      await store.savePendingLink(pending('a', T0 + 1000));
      await store.savePendingLink(pending('b', T0 + 2000));
      await store.savePendingLink(pending('c', T0 + 3000));
      const first = await store.takeExpiredPendingLinks(T0 + 2000, 1);
      expect(first.map((p) => p.id)).toEqual(['a']);
      const rest = await store.takeExpiredPendingLinks(T0 + 2000, 10);
      expect(rest.map((p) => p.id)).toEqual(['b']);
      expect(await store.takeExpiredPendingLinks(T0 + 2000, 10)).toEqual([]);
      expect(await store.takePendingLink('c')).toEqual(pending('c', T0 + 3000));
    });

    it('hold their tokens sealed to their own row', async () => {
      await store.savePendingLink(pending('sealed'));
      const taken = await store.takePendingLink('sealed');
      expect(taken?.tokens.refreshToken).toBe(tokens('pending-sealed').refreshToken);
    });
  });

  describe('workspace accounts', () => {
    const pin = (accountId: string, accountName: string | null = null) => ({
      teamId: ALICE.teamId,
      accountId,
      accountName,
      pinnedAt: T0,
    });

    it('are pinned by the first link; a later pin from another account gets the first', async () => {
      expect(await store.getWorkspaceAccount(ALICE.teamId)).toBeNull();
      expect(await store.pinWorkspaceAccount(pin('111', 'First Co'))).toEqual(
        pin('111', 'First Co'),
      );
      expect(await store.pinWorkspaceAccount(pin('222', 'Second Co'))).toEqual(
        pin('111', 'First Co'),
      );
      expect(await store.getWorkspaceAccount(ALICE.teamId)).toEqual(pin('111', 'First Co'));
      expect(await store.getWorkspaceAccount('T0OTHER')).toBeNull();
    });

    it('of concurrent first pins from two instances, exactly one account wins', async () => {
      const other = (await harness.openAnother()).links;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? other : store).pinWorkspaceAccount(pin(String(100 + i))),
        ),
      );
      expect(new Set(results.map((r) => r.accountId)).size).toBe(1);
      expect((await store.getWorkspaceAccount(ALICE.teamId))?.accountId).toBe(
        results[0]?.accountId,
      );
    });

    it('learn the company name from a later link of the same account only', async () => {
      await store.pinWorkspaceAccount(pin('111'));
      await store.pinWorkspaceAccount(pin('222', 'Second Co'));
      expect((await store.getWorkspaceAccount(ALICE.teamId))?.accountName).toBeNull();
      await store.pinWorkspaceAccount(pin('111', 'First Co'));
      expect((await store.getWorkspaceAccount(ALICE.teamId))?.accountName).toBe('First Co');
    });
  });

  describe('open OAuth states per member', () => {
    const at = (name: string, createdAt: number, key = ALICE) => ({
      ...oauthState(name, key),
      createdAt,
    });

    it('are capped: a new start spends the member’s oldest, never another member’s', async () => {
      await store.saveOAuthState(at('bob', T0, BOB), 3);
      for (let i = 1; i <= 5; i++) await store.saveOAuthState(at(`s${i}`, T0 + i), 3);
      for (const spent of ['s1', 's2']) expect(await store.consumeOAuthState(spent, T0)).toBeNull();
      for (const kept of ['s3', 's4', 's5', 'bob']) {
        expect(await store.consumeOAuthState(kept, T0)).not.toBeNull();
      }
    });

    it('keep the one just saved even when its clock is behind the others', async () => {
      await store.saveOAuthState(at('late-1', T0 + 50), 2);
      await store.saveOAuthState(at('late-2', T0 + 60), 2);
      await store.saveOAuthState(at('new', T0), 2);
      expect(await store.consumeOAuthState('new', T0)).not.toBeNull();
      expect(await store.purgeExpiredOAuthStates(Number.MAX_SAFE_INTEGER)).toBe(1);
    });

    it('stay capped under concurrent starts from two instances', async () => {
      const other = (await harness.openAnother()).links;
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? other : store).saveOAuthState(at(`c${i}`, T0 + i), 3),
        ),
      );
      // A start that ran before another's insert was visible may leave one more behind.
      expect(await store.purgeExpiredOAuthStates(Number.MAX_SAFE_INTEGER)).toBeLessThanOrEqual(4);
    });
  });
}
