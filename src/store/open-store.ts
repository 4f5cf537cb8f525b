/**
 * Picks the store from DATABASE_URL: `sqlite:<path>` (the default, one file) or
 * `postgres://…` / `postgresql://…` (several processes sharing one database).
 */
import path from 'node:path';
import type { TokenCipher } from './crypto';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

const EXAMPLES = 'sqlite:./data/rcnumber.db, sqlite::memory: or postgres://user:pass@host:5432/db';

/** The store for `databaseUrl`, not yet connected: call `connect()` before use. */
export function openStore(databaseUrl: string, cipher: TokenCipher): Store {
  const url = databaseUrl.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) return new PostgresStore({ url }, { cipher });
  if (/^sqlite:/i.test(url)) return new SqliteStore({ path: sqlitePath(url), cipher });
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1];
  const got = scheme ? `a ${scheme}: URL` : url === '' ? 'nothing' : 'no scheme';
  throw new Error(
    `DATABASE_URL must be sqlite:<path> or postgres://… (got ${got}); e.g. ${EXAMPLES}`,
  );
}

/** `sqlite:data/x.db`, `sqlite:///abs/x.db` and `sqlite::memory:`; relative paths from the cwd. */
function sqlitePath(url: string): string {
  let rest = url.slice('sqlite:'.length);
  if (rest.startsWith('//')) rest = rest.slice(2);
  if (rest === ':memory:') return rest;
  if (rest === '') {
    throw new Error(`DATABASE_URL sqlite: needs a file path; e.g. ${EXAMPLES}`);
  }
  return path.resolve(rest);
}
