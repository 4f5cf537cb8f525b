// A database made before the broken-link notices (schema version 1) is brought up to date on
// connect, and keeps every member's onboarding record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TokenCipher } from '../../src/store/crypto';
import { MIGRATIONS, schemaVersionTableSql } from '../../src/store/migrations';
import { SqliteStore } from '../../src/store/sqlite';
import { ALICE, T0 } from './fixtures';

test('a version 1 SQLite database gains the broken-link notice and keeps its members', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-upgrade-'));
  const file = path.join(dir, 'old.db');
  const raw = new Database(file);
  const first = MIGRATIONS.find((m) => m.version === 1);
  raw.exec(schemaVersionTableSql((n) => n));
  for (const statement of first?.statements('sqlite', (n) => n) ?? []) raw.exec(statement);
  raw.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'v1', 0)").run();
  raw
    .prepare('INSERT INTO members (team_id, user_id, welcomed_at) VALUES (?, ?, ?)')
    .run(ALICE.teamId, ALICE.userId, T0);
  raw.close();

  const store = new SqliteStore({ path: file, cipher: new TokenCipher([Buffer.alloc(32, 7)]) });
  try {
    await store.connect();
    expect(await store.members.getMember(ALICE)).toMatchObject({
      welcomedAt: T0,
      brokenNoticeVersion: null,
    });
    expect(await store.members.claimBrokenNotice(ALICE, 4)).toBe(true);
    expect(await store.members.claimBrokenNotice(ALICE, 4)).toBe(false);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true });
  }
});
