/**
 * The behaviour every store must have for many workspaces: Slack installations (a workspace's,
 * or an organisation's org-wide one) and forgetting a workspace whose app was removed. Each
 * implementation runs this suite against a real database; `openAnother` stands for a second
 * app process on the same database.
 */
import { TokenCipher } from '../../src/store/crypto';
import type { InstallationsStore, SlackInstallation, Store } from '../../src/store/types';
import type { MakeHarness, StoreHarness } from './contract-harness';
import { ALICE, BOB, newLink, oauthState, T0, tokens } from './fixtures';

const CAROL = { teamId: 'T0002', userId: 'U0CAROL' };

export function installation(
  teamId: string | null,
  options: Partial<SlackInstallation> = {},
): SlackInstallation {
  return {
    teamId,
    teamName: teamId ? `Team ${teamId}` : null,
    enterpriseId: null,
    enterpriseName: null,
    isEnterpriseInstall: false,
    appId: 'A0RCNUMBER',
    botToken: `xoxb-${teamId ?? 'org'}-U0xYzPlainBotSecret`,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    botScopes: ['commands', 'chat:write'],
    installerUserId: 'U0ADMIN',
    installedAt: T0,
    ...options,
  };
}

const orgInstall = (enterpriseId: string): SlackInstallation =>
  installation(null, {
    enterpriseId,
    enterpriseName: 'Initech Grid',
    isEnterpriseInstall: true,
    botToken: `xoxb-${enterpriseId}-U0xYzPlainBotSecret`,
  });

export function installationsStoreContract(name: string, makeStore: MakeHarness): void {
  describe(`${name} (installations and forgetting a workspace)`, () => {
    let harness: StoreHarness;
    let db: Store;
    let store: InstallationsStore;

    beforeEach(async () => {
      harness = await makeStore();
      db = harness.store;
      store = db.installations;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('keeps a workspace install for every process; a reinstall replaces its token', async () => {
      await store.saveInstallation(installation('T0001'));
      const other = (await harness.openAnother()).installations;
      expect(await other.getInstallation({ kind: 'team', teamId: 'T0001' })).toEqual(
        installation('T0001'),
      );
      expect(await other.installationForTeam('T0001')).toEqual(installation('T0001'));
      expect(await other.getInstallation({ kind: 'team', teamId: 'T0002' })).toBeNull();
      expect(await other.installationForTeam('T0002')).toBeNull();

      const reinstalled = installation('T0001', { botToken: 'xoxb-new', installedAt: T0 + 5 });
      await Promise.all([store.saveInstallation(reinstalled), other.saveInstallation(reinstalled)]);
      expect(await store.installationForTeam('T0001')).toEqual(reinstalled);
    });

    it('keeps an org-wide install under its organisation, serving only workspaces seen under it', async () => {
      await store.saveInstallation(orgInstall('E0001'));
      expect(await store.getInstallation({ kind: 'enterprise', enterpriseId: 'E0001' })).toEqual(
        orgInstall('E0001'),
      );
      // Not a workspace install, and no workspace served until a signed request said so.
      expect(await store.getInstallation({ kind: 'team', teamId: 'T0001' })).toBeNull();
      expect(await store.installationForTeam('T0001')).toBeNull();
      await store.noteOrgTeam('E0001', 'T0001', T0);
      await store.noteOrgTeam('E0001', 'T0001', T0 + 1);
      expect(await store.installationForTeam('T0001')).toEqual(orgInstall('E0001'));
      expect(await store.installationForTeam('T0002')).toBeNull();
      // A workspace's own install wins over its organisation's.
      await store.saveInstallation(installation('T0001', { enterpriseId: 'E0001' }));
      expect((await store.installationForTeam('T0001'))?.botToken).toBe(
        installation('T0001').botToken,
      );
    });

    it('removing a workspace install names that workspace, even when it was already gone', async () => {
      await store.saveInstallation(installation('T0001'));
      await store.saveInstallation(installation('T0002'));
      expect(await store.deleteInstallation({ kind: 'team', teamId: 'T0001' })).toEqual({
        installation: installation('T0001'),
        teamIds: ['T0001'],
      });
      expect(await store.installationForTeam('T0001')).toBeNull();
      expect(await store.installationForTeam('T0002')).not.toBeNull();
      expect(await store.deleteInstallation({ kind: 'team', teamId: 'T0001' })).toEqual({
        installation: null,
        teamIds: ['T0001'],
      });
    });

    it('removing an org-wide install names every workspace it served, and they lose it', async () => {
      await store.saveInstallation(orgInstall('E0001'));
      await store.saveInstallation(orgInstall('E0002'));
      await store.noteOrgTeam('E0001', 'T0001', T0);
      await store.noteOrgTeam('E0001', 'T0002', T0);
      await store.noteOrgTeam('E0002', 'T0003', T0);
      const removed = await store.deleteInstallation({ kind: 'enterprise', enterpriseId: 'E0001' });
      expect(removed.installation).toEqual(orgInstall('E0001'));
      expect([...removed.teamIds].sort()).toEqual(['T0001', 'T0002']);
      expect(await store.installationForTeam('T0001')).toBeNull();
      expect(await store.installationForTeam('T0003')).toEqual(orgInstall('E0002'));
      expect(await store.deleteInstallation({ kind: 'enterprise', enterpriseId: 'E0001' })).toEqual(
        { installation: null, teamIds: [] },
      );
    });

    it('forgets one workspace of an org-wide install, only under that organisation', async () => {
      await store.saveInstallation(orgInstall('E0001'));
      await store.saveInstallation(orgInstall('E0002'));
      await store.noteOrgTeam('E0001', 'T0001', T0);
      await store.noteOrgTeam('E0001', 'T0002', T0);
      await store.noteOrgTeam('E0002', 'T0003', T0);
      // Another organisation cannot take a workspace away from this one.
      expect(await store.forgetOrgTeam('E0001', 'T0003')).toBe(false);
      expect(await store.installationForTeam('T0003')).toEqual(orgInstall('E0002'));
      expect(await store.forgetOrgTeam('E0001', 'T0001')).toBe(true);
      expect(await store.installationForTeam('T0001')).toBeNull();
      expect(await store.installationForTeam('T0002')).toEqual(orgInstall('E0001'));
      expect(await store.forgetOrgTeam('E0001', 'T0001')).toBe(false);
    });

    it('opens a bot token after a key rotation, seals it anew, and not without its key', async () => {
      await store.saveInstallation(installation('T0001'));
      const newKey = TokenCipher.generateKey();
      const oldKey = harness.cipherKey;
      const rotated = await harness.openAnother(TokenCipher.fromBase64Keys(`${newKey},${oldKey}`));
      expect(await rotated.installations.installationForTeam('T0001')).toEqual(
        installation('T0001'),
      );
      // Read once under the rotated keys, it no longer needs the old one.
      const newOnly = await harness.openAnother(TokenCipher.fromBase64Keys(newKey));
      expect(await newOnly.installations.installationForTeam('T0001')).toEqual(
        installation('T0001'),
      );
      // A key that never sealed it opens nothing: the workspace is asked to reinstall.
      const stranger = await harness.openAnother(
        TokenCipher.fromBase64Keys(TokenCipher.generateKey()),
      );
      expect(await stranger.installations.installationForTeam('T0001')).toBeNull();
    });

    it('forgetting a workspace takes its links, sign-ins, buttons, pin and members, nothing else', async () => {
      await db.links.saveLink(newLink(ALICE, 'alice'));
      await db.links.saveLink(newLink(BOB, 'bob'));
      await db.links.saveLink(newLink(CAROL, 'carol'));
      await db.links.saveOAuthState(oauthState('s-alice', ALICE));
      await db.links.saveOAuthState(oauthState('s-carol', CAROL));
      await db.links.saveConnectStart(connectStart('h-alice', ALICE));
      await db.links.saveConnectStart(connectStart('h-carol', CAROL));
      await db.links.savePendingLink(pendingLink('p-bob', BOB));
      await db.links.pinWorkspaceAccount(pin('T0001'));
      await db.links.pinWorkspaceAccount(pin('T0002'));
      await db.members.markWelcomed(ALICE, T0);
      await db.members.markWelcomed(CAROL, T0);

      const other = await harness.openAnother();
      const forgotten = await other.links.forgetWorkspace('T0001');
      // What the caller needs to end the sessions at RingCentral: the tokens themselves.
      expect(forgotten.links.map((l) => [l.userId, l.tokens.refreshToken]).sort()).toEqual([
        [ALICE.userId, tokens('alice').refreshToken],
        [BOB.userId, tokens('bob').refreshToken],
      ]);
      expect(forgotten.pendingLinks.map((p) => [p.id, p.tokens.refreshToken])).toEqual([
        ['p-bob', tokens('pending').refreshToken],
      ]);
      expect(await other.members.forgetWorkspace('T0001')).toBe(1);

      for (const s of [db, other]) {
        expect(await s.links.getLink(ALICE)).toBeNull();
        expect(await s.links.getLink(BOB)).toBeNull();
        expect(await s.links.getLink(CAROL)).not.toBeNull();
        expect(await s.links.findConnectStart('h-alice', T0)).toBeNull();
        expect(await s.links.findConnectStart('h-carol', T0)).not.toBeNull();
        expect(await s.links.getWorkspaceAccount('T0001')).toBeNull();
        expect(await s.links.getWorkspaceAccount('T0002')).not.toBeNull();
        expect(await s.members.getMember(ALICE)).toBeNull();
        expect(await s.members.getMember(CAROL)).not.toBeNull();
      }
      expect(await db.links.consumeOAuthState('s-alice', T0)).toBeNull();
      expect(await db.links.consumeOAuthState('s-carol', T0)).not.toBeNull();
      expect(await db.links.takePendingLink('p-bob')).toBeNull();
      // Again: nothing left, nothing else touched.
      expect(await db.links.forgetWorkspace('T0001')).toEqual({ links: [], pendingLinks: [] });
      expect(await db.members.forgetWorkspace('T0001')).toBe(0);
    });
  });
}

function connectStart(tokenHash: string, key: typeof ALICE) {
  return {
    ...key,
    tokenHash,
    channelId: null,
    responseUrl: null,
    createdAt: T0,
    expiresAt: T0 + 86_400_000,
  };
}

function pendingLink(id: string, key: typeof ALICE) {
  return {
    ...newLink(key, 'pending'),
    id,
    accountName: null,
    channelId: null,
    responseUrl: null,
    createdAt: T0,
    expiresAt: T0 + 600_000,
  };
}

function pin(teamId: string) {
  return { teamId, accountId: '37439510', accountName: 'Initech', pinnedAt: T0 };
}
