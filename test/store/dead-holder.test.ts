/**
 * A refresh lease whose holder process is dead delays nobody: killed with SIGKILL (no chance to
 * release anything), its lease is free to the next process at once, on SQLite (the holder is
 * checked on this host) and on PostgreSQL (the holder's session ends with it). A live holder's
 * lease is never taken.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PostgresStore, SqliteStore, TokenCipher } from '../../src/store';
import { localHolder, localHolderGone } from '../../src/store/lease-holder';
import type { Store } from '../../src/store/types';
import { ALICE, newLink } from './fixtures';

const cipher = new TokenCipher([Buffer.alloc(32, 9)]);

function holdInChild(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      require.resolve('tsx'),
      path.join(__dirname, '../support/lease-holder-process.ts'),
    ],
    {
      env: { ...process.env, ...env, LEASE_TEAM: ALICE.teamId, LEASE_USER: ALICE.userId },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      if (out.includes('held')) resolve(child);
      if (out.includes('refused')) reject(new Error('the child could not take the lease'));
    });
    child.stderr?.on('data', (chunk) => {
      out += String(chunk);
    });
    child.once('exit', (code) => reject(new Error(`lease holder exited ${code}: ${out}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** How long until `store` gets the lease, polling; -1 if not within `withinMs`. */
async function timeToLease(store: Store, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (await store.links.tryAcquireRefreshLease(ALICE, 'survivor', 60_000)) {
      return Date.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return -1;
}

async function killTheHolder(store: Store, env: Record<string, string>): Promise<void> {
  await store.links.saveLink(newLink(ALICE));
  const child = await holdInChild(env);
  try {
    // Alive, the holder keeps its lease (it asked for ten minutes).
    expect(await store.links.tryAcquireRefreshLease(ALICE, 'survivor', 60_000)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.links.tryAcquireRefreshLease(ALICE, 'survivor', 60_000)).toBe(false);
  } finally {
    await killed(child);
  }
  const waited = await timeToLease(store, 5_000);
  expect(waited).toBeGreaterThanOrEqual(0);
  expect(waited).toBeLessThan(1_000);
}

describe('a refresh lease of a killed holder is free at once', () => {
  it('on SQLite', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-lease-')), 'db.sqlite');
    const store = new SqliteStore({ path: file, cipher });
    await store.connect();
    try {
      await killTheHolder(store, { LEASE_DB: `sqlite:${file}` });
    } finally {
      await store.close();
    }
  }, 20_000);

  it('on PostgreSQL', async () => {
    const url = process.env.TEST_POSTGRES_URL ?? '';
    const schema = `rcnumber_lease_${randomBytes(6).toString('hex')}`;
    const store = new PostgresStore({ url }, { cipher, schema });
    await store.connect();
    try {
      await killTheHolder(store, { LEASE_DB: url, LEASE_SCHEMA: schema });
    } finally {
      await store.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  }, 20_000);
});

describe('local lease holders', () => {
  const [kind, host, boot, pidNs, pid, start] = localHolder().split('/');
  const holder = (parts: Partial<Record<'host' | 'boot' | 'pidNs' | 'pid' | 'start', string>>) =>
    [
      kind,
      parts.host ?? host,
      parts.boot ?? boot,
      parts.pidNs ?? pidNs,
      parts.pid ?? pid,
      parts.start ?? start,
    ].join('/');

  it('this process is alive', () => {
    expect(kind).toBe('local');
    expect(localHolderGone(localHolder())).toBe(false);
  });

  it('a reused pid (same pid, another start time) and an earlier boot are gone', () => {
    if (start) expect(localHolderGone(holder({ start: `${start}0` }))).toBe(true);
    if (boot) expect(localHolderGone(holder({ boot: 'another-boot' }))).toBe(true);
  });

  it('holders that cannot be checked from here count as alive', () => {
    expect(localHolderGone(holder({ host: 'another-host', pid: '999999999' }))).toBe(false);
    expect(localHolderGone(holder({ pidNs: '1', pid: '999999999' }))).toBe(false);
    expect(localHolderGone('pg/123/456')).toBe(false);
    expect(localHolderGone('')).toBe(false);
    expect(localHolderGone('local/x')).toBe(false);
  });
});
