/**
 * The link part of the LinksStore contract: saving, relinking, the compare-and-swap of token
 * refreshes, breaking a link, and links whose tokens no longer open.
 */
import { TokenCipher } from '../../src/store/crypto';
import type { LinkedIdentity, LinksStore } from '../../src/store/types';
import type { StoreHarness } from './contract-harness';
import { ALICE, BOB, newLink, tokens } from './fixtures';
import type { LinksContractContext } from './links-contract';

/** The identity RingCentral reports after the member was renumbered and lost admin rights. */
const RENUMBERED: LinkedIdentity = {
  accountId: '37439510',
  extensionId: '101',
  extensionNumber: '2101',
  name: 'Alice Renamed',
  extensionType: 'Department',
  isAdmin: false,
  email: null,
};

/** A cipher that knows none of the harness's keys, as after a key was dropped from the list. */
const otherKey = (): TokenCipher => TokenCipher.fromBase64Keys(TokenCipher.generateKey());

const UNREADABLE =
  'Your stored RingCentral tokens can no longer be read (the encryption key changed). Connect again.';

export function describeLinkContract(context: LinksContractContext): void {
  describe('links', () => {
    let harness: StoreHarness;
    let store: LinksStore;

    beforeEach(() => {
      ({ harness, store } = context);
    });

    it('saves, reads and deletes a link', async () => {
      expect(await store.getLink(ALICE)).toBeNull();
      const saved = await store.saveLink(newLink(ALICE));
      expect(saved).toMatchObject({ ...newLink(ALICE), status: 'active', brokenReason: null });
      expect(saved.version).toEqual(expect.any(Number));
      expect(saved.linkedAt).toEqual(expect.any(Number));
      expect(saved.updatedAt).toBe(saved.linkedAt);
      expect(await store.getLink(ALICE)).toEqual(saved);
      expect(await store.deleteLink(ALICE)).toBe(true);
      expect(await store.deleteLink(ALICE)).toBe(false);
      expect(await store.getLink(ALICE)).toBeNull();
    });

    it('counts working and broken links', async () => {
      expect(await store.countLinks()).toEqual({ active: 0, broken: 0 });
      await store.saveLink(newLink(ALICE));
      await store.saveLink(newLink(BOB));
      await store.markBroken(BOB, 'RingCentral refused the refresh token');
      expect(await store.countLinks()).toEqual({ active: 1, broken: 1 });
      await store.deleteLink(ALICE);
      expect(await store.countLinks()).toEqual({ active: 0, broken: 1 });
    });

    it('keeps email null and isAdmin false as given', async () => {
      const link = newLink(ALICE);
      link.identity = { ...link.identity, email: null, isAdmin: false };
      expect((await store.saveLink(link)).identity).toEqual(link.identity);
      expect((await store.getLink(ALICE))?.identity).toEqual(link.identity);
    });

    it('relinking replaces the link: active again, newer version, old CAS fails', async () => {
      const first = await store.saveLink(newLink(ALICE, 'one', '101'));
      await store.markBroken(ALICE, 'RingCentral refused the refresh token');
      const second = await store.saveLink(newLink(ALICE, 'two', '202'));
      expect(second.identity.extensionId).toBe('202');
      expect(second.tokens).toEqual(newLink(ALICE, 'two', '202').tokens);
      expect(second.status).toBe('active');
      expect(second.brokenReason).toBeNull();
      expect(second.version).toBeGreaterThan(first.version);
      expect(await store.getLink(ALICE)).toEqual(second);
      expect(await store.updateTokens(ALICE, first.version, tokens('stale'))).toBeNull();
      expect(await store.getLink(ALICE)).toEqual(second);
    });

    it('a refresh of an unlinked-then-relinked member fails its CAS', async () => {
      const old = await store.saveLink(newLink(ALICE, 'one'));
      await store.deleteLink(ALICE);
      const fresh = await store.saveLink(newLink(ALICE, 'two'));
      expect(fresh.version).not.toBe(old.version);
      expect(await store.updateTokens(ALICE, old.version, tokens('stale'))).toBeNull();
    });

    it('lets two members link the same extension', async () => {
      await store.saveLink(newLink(ALICE, 'a', '101'));
      await store.saveLink(newLink(BOB, 'b', '101'));
      expect((await store.getLink(ALICE))?.tokens.accessToken).toBe(tokens('a').accessToken);
      expect((await store.getLink(BOB))?.tokens.accessToken).toBe(tokens('b').accessToken);
      await store.deleteLink(BOB);
      expect(await store.getLink(ALICE)).not.toBeNull();
    });

    it('updateTokens is a compare-and-swap on version', async () => {
      const saved = await store.saveLink(newLink(ALICE));
      const updated = await store.updateTokens(ALICE, saved.version, tokens('two'));
      expect(updated?.tokens).toEqual(tokens('two'));
      expect(updated?.identity).toEqual(saved.identity);
      expect(updated?.version).toBeGreaterThan(saved.version);
      expect(updated?.linkedAt).toBe(saved.linkedAt);
      expect(await store.getLink(ALICE)).toEqual(updated);

      expect(await store.updateTokens(ALICE, saved.version, tokens('stale'))).toBeNull();
      expect(await store.getLink(ALICE)).toEqual(updated);
      expect(await store.updateTokens(BOB, saved.version, tokens('nobody'))).toBeNull();
      expect(await store.getLink(BOB)).toBeNull();
    });

    it('of two concurrent refreshes from one version, exactly one wins', async () => {
      const other = (await harness.openAnother()).links;
      const saved = await store.saveLink(newLink(ALICE));
      const results = await Promise.all([
        store.updateTokens(ALICE, saved.version, tokens('x')),
        other.updateTokens(ALICE, saved.version, tokens('y')),
        store.updateTokens(ALICE, saved.version, tokens('z')),
      ]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(await store.getLink(ALICE)).toEqual(winners[0]);
    });

    it('updateTokens with an identity writes both in the same compare-and-swap', async () => {
      const saved = await store.saveLink(newLink(ALICE));
      const updated = await store.updateTokens(ALICE, saved.version, tokens('two'), RENUMBERED);
      expect(updated).toMatchObject({ identity: RENUMBERED, tokens: tokens('two') });
      expect(updated?.version).toBeGreaterThan(saved.version);
      expect(updated?.linkedAt).toBe(saved.linkedAt);
      expect(await store.getLink(ALICE)).toEqual(updated);

      // A stale CAS writes neither the tokens nor the identity.
      const stale = { ...RENUMBERED, name: 'Stale Name', isAdmin: true };
      expect(await store.updateTokens(ALICE, saved.version, tokens('stale'), stale)).toBeNull();
      expect(await store.getLink(ALICE)).toEqual(updated);
      expect(await store.updateTokens(BOB, saved.version, tokens('b'), RENUMBERED)).toBeNull();
      expect(await store.getLink(BOB)).toBeNull();

      // Without an identity, the one stored stays.
      const again = await store.updateTokens(ALICE, updated?.version ?? -1, tokens('three'));
      expect(again).toMatchObject({ identity: RENUMBERED, tokens: tokens('three') });
    });

    it('updateIdentity writes only the identity, keeping tokens and version', async () => {
      const saved = await store.saveLink(newLink(ALICE));
      const updated = await store.updateIdentity(ALICE, saved.version, RENUMBERED);
      expect(updated).toMatchObject({ identity: RENUMBERED, tokens: saved.tokens });
      expect(updated?.version).toBe(saved.version);
      expect(updated?.linkedAt).toBe(saved.linkedAt);
      expect(await store.getLink(ALICE)).toEqual(updated);
      // The refresh that read the link before the identity changed still wins its CAS.
      const refreshed = await store.updateTokens(ALICE, saved.version, tokens('two'));
      expect(refreshed).toMatchObject({ identity: RENUMBERED, tokens: tokens('two') });
    });

    it('updateIdentity changes nothing on a newer link, nor on no link', async () => {
      const old = await store.saveLink(newLink(ALICE, 'one'));
      const renewed = await store.updateTokens(ALICE, old.version, tokens('two'));
      const demoted = { ...RENUMBERED, name: 'Read with an old token' };
      expect(await store.updateIdentity(ALICE, old.version, demoted)).toBeNull();
      expect(await store.getLink(ALICE)).toEqual(renewed);
      const relinked = await store.saveLink(newLink(ALICE, 'three'));
      expect(await store.updateIdentity(ALICE, renewed?.version ?? -1, demoted)).toBeNull();
      expect(await store.getLink(ALICE)).toEqual(relinked);
      expect(await store.updateIdentity(BOB, relinked.version, demoted)).toBeNull();
      expect(await store.getLink(BOB)).toBeNull();
    });

    it('markBroken records why and keeps the tokens', async () => {
      const saved = await store.saveLink(newLink(ALICE));
      expect(await store.markBroken(ALICE, 'RingCentral refused the refresh token')).toBe(true);
      const broken = await store.getLink(ALICE);
      expect(broken?.status).toBe('broken');
      expect(broken?.brokenReason).toBe('RingCentral refused the refresh token');
      expect(broken?.tokens).toEqual(saved.tokens);
      expect(broken?.version).toBe(saved.version);
      expect(await store.markBroken(BOB, 'no link')).toBe(false);
      expect(await store.markBroken(BOB, 'no link', saved.version)).toBe(false);
      expect(await store.getLink(BOB)).toBeNull();
    });

    it('markBroken with a stale version changes nothing; with the current one it marks', async () => {
      const saved = await store.saveLink(newLink(ALICE));
      const renewed = await store.updateTokens(ALICE, saved.version, tokens('two'));
      if (!renewed) throw new Error('the refresh should have won its CAS');

      const other = (await harness.openAnother()).links;
      expect(
        await other.markBroken(ALICE, 'RingCentral refused the refresh token', saved.version),
      ).toBe(false);
      expect(await store.getLink(ALICE)).toEqual(renewed);

      expect(
        await other.markBroken(ALICE, 'RingCentral refused the refresh token', renewed.version),
      ).toBe(true);
      expect(await store.getLink(ALICE)).toMatchObject({
        status: 'broken',
        brokenReason: 'RingCentral refused the refresh token',
        tokens: tokens('two'),
        version: renewed.version,
      });
    });

    it('a link sealed under a removed key reads as broken, and can be unlinked', async () => {
      const saved = await store.saveLink(newLink(ALICE, 'a'));
      const rekeyed = (await harness.openAnother(otherKey())).links;
      await rekeyed.saveLink(newLink(BOB, 'b'));

      expect(await rekeyed.getLink(ALICE)).toEqual({
        ...saved,
        status: 'broken',
        brokenReason: UNREADABLE,
        tokens: {
          accessToken: '',
          refreshToken: '',
          accessTokenExpiresAt: 0,
          refreshTokenExpiresAt: 0,
          scope: '',
          ownerId: saved.tokens.ownerId,
        },
      });
      // Links sealed under the current key still read normally.
      expect((await rekeyed.getLink(BOB))?.tokens).toEqual(newLink(BOB, 'b').tokens);

      expect(await rekeyed.deleteLink(ALICE)).toBe(true);
      expect(await rekeyed.getLink(ALICE)).toBeNull();
      expect(await store.getLink(ALICE)).toBeNull();
    });

    it('a member whose link became unreadable can connect again', async () => {
      await store.saveLink(newLink(ALICE, 'a'));
      const rekeyed = (await harness.openAnother(otherKey())).links;
      expect((await rekeyed.getLink(ALICE))?.status).toBe('broken');
      const relinked = await rekeyed.saveLink(newLink(ALICE, 'b'));
      expect(relinked).toMatchObject({ status: 'active', brokenReason: null });
      expect(await rekeyed.getLink(ALICE)).toEqual(relinked);
    });
  });
}
