import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TokenCipher } from '../../src/store/crypto';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations';
import { PostgresStore } from '../../src/store/postgres';
import { auditStoreContract } from './audit-contract';
import type { MakeHarness, StoreHarness } from './contract-harness';
import { ALICE, newLink, tokens } from './fixtures';
import { installation, installationsStoreContract } from './installations-contract';
import { linksStoreContract } from './links-contract';
import { membersStoreContract } from './members-contract';
import { ratesStoreContract } from './rates-contract';
import { staleNoticesStoreContract } from './stale-notices-contract';
import { subscriptionsStoreContract } from './subscriptions-contract';

const CIPHER_KEY = Buffer.alloc(32, 9).toString('base64');
const cipher = TokenCipher.fromBase64Keys(CIPHER_KEY);
const url = (): string => {
  const value = process.env.TEST_POSTGRES_URL;
  if (!value)
    throw new Error('TEST_POSTGRES_URL is not set (test/support/global-setup.js sets it)');
  return value;
};

/** Every test gets its own schema, so tests never see each other's rows. */
const freshSchema = (): string => `rcnumber_test_${randomBytes(6).toString('hex')}`;

let admin: pg.Pool;
beforeAll(() => {
  admin = new pg.Pool({ connectionString: url(), max: 4 });
});
afterAll(async () => {
  await admin.end();
});

const dropSchema = (schema: string) => admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);

const freshSchemaHarness: MakeHarness = async (): Promise<StoreHarness> => {
  const schema = freshSchema();
  // The first store borrows the shared pool; later ones open their own, like other processes.
  const opened: PostgresStore[] = [new PostgresStore({ pool: admin }, { cipher, schema })];
  const first = opened[0] as PostgresStore;
  await first.connect();
  return {
    store: first,
    cipherKey: CIPHER_KEY,
    openAnother: async (withCipher = cipher) => {
      const store = new PostgresStore({ url: url() }, { cipher: withCipher, schema });
      opened.push(store);
      await store.connect();
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      await dropSchema(schema);
    },
  };
};

linksStoreContract('PostgresStore', freshSchemaHarness);
membersStoreContract('PostgresStore', freshSchemaHarness);
installationsStoreContract('PostgresStore', freshSchemaHarness);
auditStoreContract('PostgresStore', freshSchemaHarness);
subscriptionsStoreContract('PostgresStore', freshSchemaHarness);
ratesStoreContract('PostgresStore', freshSchemaHarness);
staleNoticesStoreContract('PostgresStore', freshSchemaHarness);

describe('PostgresStore', () => {
  let schema: string;
  const stores: PostgresStore[] = [];
  const make = (connection: { url: string } | { pool: pg.Pool }) => {
    const store = new PostgresStore(connection, { cipher, schema });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    schema = freshSchema();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await dropSchema(schema);
  });

  it('keeps no token in plain text in its rows', async () => {
    const store = make({ pool: admin });
    await store.connect();
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
    const { rows } = await admin.query(`SELECT * FROM "${schema}".links`);
    const pending = await admin.query(`SELECT * FROM "${schema}".pending_links`);
    const installs = await admin.query(`SELECT * FROM "${schema}".installations`);
    expect(pending.rows).toHaveLength(1);
    expect(installs.rows).toHaveLength(1);
    const text = JSON.stringify([...rows, ...pending.rows, ...installs.rows]);
    expect(text).toContain('Alice Example');
    expect(text).toContain('Team T0001');
    expect(text).not.toMatch(/PlainAccessSecret|PlainRefreshSecret|PlainBotSecret/);
    expect(rows[0].access_token_sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
  });

  it('returns times as numbers', async () => {
    const store = make({ pool: admin });
    await store.connect();
    const saved = await store.links.saveLink(newLink(ALICE));
    expect(typeof saved.version).toBe('number');
    expect(saved.tokens.refreshTokenExpiresAt).toBe(newLink(ALICE).tokens.refreshTokenExpiresAt);
  });

  it('migrates a fresh schema once when several instances connect at the same time', async () => {
    const all = [make({ url: url() }), make({ url: url() }), make({ pool: admin })];
    await Promise.all(all.map((store) => store.connect()));
    const { rows } = await admin.query(
      `SELECT version FROM "${schema}".schema_version ORDER BY version`,
    );
    expect(rows).toEqual(allVersions());
    for (const store of all) expect(await store.ping()).toBe(true);
  });

  it('closes a pool it opened, never one it was given', async () => {
    const borrowed = make({ pool: admin });
    await borrowed.connect();
    await borrowed.close();
    expect((await admin.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    expect(await borrowed.ping()).toBe(false);

    const owning = make({ url: url() });
    await owning.connect();
    expect(await owning.ping()).toBe(true);
    await owning.close();
    expect(await owning.ping()).toBe(false);
    await owning.connect();
    expect(await owning.ping()).toBe(true);
  });

  it('refuses use before connect() and reports an unreachable server', async () => {
    const store = make({ pool: admin });
    await expect(store.links.getLink(ALICE)).rejects.toThrow(/call connect\(\) first/);
    await expect(store.members.getMember(ALICE)).rejects.toThrow(/call connect\(\) first/);
    const nowhere = make({ url: 'postgres://nobody:x@127.0.0.1:1/none' });
    await expect(nowhere.connect()).rejects.toThrow();
    expect(await nowhere.ping()).toBe(false);
  });

  it('rejects a schema name that would need quoting', () => {
    expect(() => new PostgresStore({ pool: admin }, { cipher, schema: 'x"; DROP' })).toThrow(
      /schema name/,
    );
  });
});

/** Each migration recorded once, oldest first. */
function allVersions(): Array<{ version: number }> {
  return Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 }));
}
