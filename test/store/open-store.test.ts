import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, PostgresStore, SqliteStore, TokenCipher } from '../../src/store';
import { ALICE, newLink } from './fixtures';

const cipher = new TokenCipher([Buffer.alloc(32, 3)]);

describe('openStore', () => {
  it('opens SQLite at a path relative to the working directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-open-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = openStore('sqlite:data/rcnumber.db', cipher);
      expect(store).toBeInstanceOf(SqliteStore);
      await store.connect();
      await store.links.saveLink(newLink(ALICE));
      await store.close();
      expect(fs.existsSync(path.join(dir, 'data', 'rcnumber.db'))).toBe(true);
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens SQLite in memory', async () => {
    const store = openStore('sqlite::memory:', cipher);
    await store.connect();
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it.each(['postgres://u:p@localhost:5432/db', 'postgresql://u:p@localhost/db'])(
    'chooses PostgreSQL for %s without connecting',
    (url) => {
      expect(openStore(url, cipher)).toBeInstanceOf(PostgresStore);
    },
  );

  it.each([
    ['mysql://root:hunter2@db/app', /a mysql: URL/],
    ['', /got nothing/],
    ['./data/rcnumber.db', /no scheme/],
    ['sqlite:', /needs a file path/],
  ])('explains an unusable DATABASE_URL %#', (url, detail) => {
    let error: unknown;
    try {
      openStore(url, cipher);
    } catch (caught) {
      error = caught;
    }
    const message = (error as Error).message;
    expect(message).toMatch(/^DATABASE_URL /);
    expect(message).toMatch(detail);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });
});
