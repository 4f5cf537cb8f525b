import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TokenCipher } from '../../src/store/crypto';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations';
import { UNREADABLE_TOKENS_REASON } from '../../src/store/rows';
import { SqliteStore } from '../../src/store/sqlite';
import { auditStoreContract } from './audit-contract';
import type { MakeHarness, StoreHarness } from './contract-harness';
import { ALICE, BOB, newLink, tokens } from './fixtures';
import { installation, installationsStoreContract } from './installations-contract';
import { linksStoreContract } from './links-contract';
import { membersStoreContract } from './members-contract';
import { ratesStoreContract } from './rates-contract';
import { staleNoticesStoreContract } from './stale-notices-contract';
import { subscriptionsStoreContract } from './subscriptions-contract';

const CIPHER_KEY = Buffer.alloc(32, 7).toString('base64');
const cipher = TokenCipher.fromBase64Keys(CIPHER_KEY);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-sqlite-'));
}

async function harnessAt(file: string, onCleanup: () => void): Promise<StoreHarness> {
  const opened: SqliteStore[] = [];
  const open = async (withCipher = cipher) => {
    const store = new SqliteStore({ path: file, cipher: withCipher });
    opened.push(store);
    await store.connect();
    return store;
  };
  return {
    store: await open(),
    cipherKey: CIPHER_KEY,
    openAnother: (withCipher?: TokenCipher) => open(withCipher),
    cleanup: async () => {
      for (const store of opened) await store.close();
      onCleanup();
    },
  };
}

const freshDatabase: MakeHarness = async () => {
  const dir = tempDir();
  return harnessAt(path.join(dir, 'rcnumber.db'), () => fs.rmSync(dir, { recursive: true }));
};

linksStoreContract('SqliteStore', freshDatabase);
membersStoreContract('SqliteStore', freshDatabase);
installationsStoreContract('SqliteStore', freshDatabase);
auditStoreContract('SqliteStore', freshDatabase);
subscriptionsStoreContract('SqliteStore', freshDatabase);
ratesStoreContract('SqliteStore', freshDatabase);
staleNoticesStoreContract('SqliteStore', freshDatabase);

describe('SqliteStore', () => {
  let dir: string;
  const stores: SqliteStore[] = [];
  const open = async (file: string, withCipher = cipher) => {
    const store = new SqliteStore({ path: file, cipher: withCipher });
    stores.push(store);
    await store.connect();
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps no token in plain text in the database file or its WAL', async () => {
    const file = path.join(dir, 'rcnumber.db');
    const store = await open(file);
    const saved = await store.links.saveLink(newLink(ALICE, 'one'));
    await store.links.updateTokens(ALICE, saved.version, tokens('two'));
    // A sign-in waiting for its second confirmation holds a live session too.
    await store.links.savePendingLink({
      ...newLink(ALICE, 'three'),
      id: 'pending-1',
      accountName: null,
      channelId: null,
      responseUrl: null,
      createdAt: 0,
      expiresAt: 1,
    });
    // So does a Slack installation: its bot token acts in the whole workspace.
    await store.installations.saveInstallation(installation('T0001'));
    const bytes = Buffer.concat(
      [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
    );
    // The search itself works: non-secret fields are there in plain text.
    expect(bytes.includes('Alice Example')).toBe(true);
    expect(bytes.includes('Team T0001')).toBe(true);
    expect(bytes.includes('PlainBotSecret')).toBe(false);
    for (const secret of [tokens('one'), tokens('two'), tokens('three')]) {
      expect(bytes.includes(secret.accessToken)).toBe(false);
      expect(bytes.includes(secret.refreshToken)).toBe(false);
      expect(bytes.includes('PlainAccessSecret')).toBe(false);
      expect(bytes.includes('PlainRefreshSecret')).toBe(false);
    }
  });

  it('creates the missing folder, uses WAL, and records the schema version once', async () => {
    const file = path.join(dir, 'a', 'b', 'rcnumber.db');
    const store = await open(file);
    await store.connect();
    await (await open(file)).connect();
    expect(fs.existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = raw.prepare('SELECT version FROM schema_version ORDER BY version').all();
      expect(versions).toEqual(allVersions());
    } finally {
      raw.close();
    }
  });

  it('works in memory', async () => {
    const store = await open(':memory:');
    await store.links.saveLink(newLink(ALICE));
    expect(await store.links.getLink(ALICE)).not.toBeNull();
    expect(await store.ping()).toBe(true);
  });

  it('refuses use before connect() and answers ping false after close()', async () => {
    const store = new SqliteStore({ path: ':memory:', cipher });
    await expect(store.links.getLink(ALICE)).rejects.toThrow(/call connect\(\) first/);
    await expect(store.members.getMember(ALICE)).rejects.toThrow(/call connect\(\) first/);
    expect(await store.ping()).toBe(false);
    await store.connect();
    await store.close();
    expect(await store.ping()).toBe(false);
  });

  it('a sealed token copied to another member does not open: the link reads as broken', async () => {
    const file = path.join(dir, 'rcnumber.db');
    const store = await open(file);
    await store.links.saveLink(newLink(ALICE, 'a'));
    await store.links.saveLink(newLink(BOB, 'b'));
    const raw = new Database(file);
    try {
      raw.exec(`UPDATE links SET access_token_sealed =
        (SELECT access_token_sealed FROM links WHERE user_id = '${ALICE.userId}')
        WHERE user_id = '${BOB.userId}'`);
    } finally {
      raw.close();
    }
    expect(await store.links.getLink(BOB)).toMatchObject({
      status: 'broken',
      brokenReason: UNREADABLE_TOKENS_REASON,
      tokens: { accessToken: '', refreshToken: '' },
    });
    expect((await store.links.getLink(ALICE))?.tokens).toEqual(newLink(ALICE, 'a').tokens);
  });

  it('reads tokens after a key rotation, and not without the old key', async () => {
    const file = path.join(dir, 'rcnumber.db');
    const oldKey = TokenCipher.generateKey();
    const newKey = TokenCipher.generateKey();
    await (await open(file, TokenCipher.fromBase64Keys(oldKey))).links.saveLink(newLink(ALICE));
    const rotated = await open(file, TokenCipher.fromBase64Keys(`${newKey},${oldKey}`));
    expect((await rotated.links.getLink(ALICE))?.tokens).toEqual(newLink(ALICE).tokens);
    const newOnly = await open(file, TokenCipher.fromBase64Keys(newKey));
    expect(await newOnly.links.getLink(ALICE)).toMatchObject({
      status: 'broken',
      brokenReason: UNREADABLE_TOKENS_REASON,
      tokens: { accessToken: '', refreshToken: '' },
    });
  });
});

/** Each migration recorded once, oldest first. */
function allVersions(): Array<{ version: number }> {
  return Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 }));
}
