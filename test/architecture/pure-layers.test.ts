// Keeps the pure layers pure: src/blocks (renderers) and src/directory (use cases) must not reach
// Slack's runtime, a database, the network or RingCentral's runtime code. Type-only imports are
// erased at compile time, so they are allowed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CHECKED = ['src/blocks', 'src/directory'];

const FORBIDDEN: Array<[RegExp, string]> = [
  [/^@slack\/bolt(\/|$)/, 'Slack runtime (@slack/bolt)'],
  [/^@slack\/web-api(\/|$)/, 'Slack Web API client'],
  [/^@slack\/types(\/|$)/, '@slack/types at runtime (use `import type`)'],
  [/^better-sqlite3$/, 'SQLite driver'],
  [/^pg(\/|$)/, 'PostgreSQL driver'],
  [/^(node:)?https?$/, 'HTTP'],
  [/(^|\/)store\/(sqlite|postgres|open-store|link-sql)[\w-]*(\.ts)?$/, 'a store implementation'],
  [/(^|\/)ringcentral(\/|$)/, 'RingCentral runtime code'],
  [/^@ringcentral\//, 'RingCentral SDK'],
];

/** Module specifiers a file loads at runtime: static imports/exports, require(), import(). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const staticForm =
    /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(staticForm)) {
    const [, , typeOnly, clause = '', specifier = ''] = match;
    // `import { type A, type B } from` is erased as well.
    const allInlineTypes = /^\{\s*(type\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(clause.trim());
    if (!typeOnly && !allInlineTypes) found.push(specifier);
  }
  for (const match of source.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g))
    found.push(match[1] ?? '');
  for (const match of source.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(match[1] ?? '');
  }
  return found;
}

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

function violations(source: string): string[] {
  return runtimeImports(source).flatMap((specifier) =>
    FORBIDDEN.filter(([pattern]) => pattern.test(specifier)).map(
      ([, what]) => `${specifier} (${what})`,
    ),
  );
}

test('the import reader sees runtime imports and ignores type-only ones', () => {
  const source = [
    "import type { App } from '@slack/bolt';",
    "import { type Link, type LinksStore } from '../store/types';",
    "import type { Paged } from '../ringcentral/types';",
    "import {\n  WebClient,\n  type ChatPostMessageArguments,\n} from '@slack/web-api';",
    "import Database from 'better-sqlite3';",
    "export { openStore } from '../store/open-store';",
    "import { SqliteLinks } from '../store/sqlite-links';",
    "const pg = require('pg');",
    "import 'node:http';",
    "const later = await import('../ringcentral/account-api');",
    "import { AppError } from '../errors';",
  ].join('\n');
  expect(violations(source)).toEqual([
    '@slack/web-api (Slack Web API client)',
    'better-sqlite3 (SQLite driver)',
    '../store/open-store (a store implementation)',
    '../store/sqlite-links (a store implementation)',
    'node:http (HTTP)',
    'pg (PostgreSQL driver)',
    '../ringcentral/account-api (RingCentral runtime code)',
  ]);
});

test.each(CHECKED)(
  '%s imports nothing from Slack runtime, databases, HTTP or RingCentral',
  (dir) => {
    const files = filesUnder(join(ROOT, dir));
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((file) =>
      violations(readFileSync(file, 'utf8')).map((v) => `${relative(ROOT, file)}: ${v}`),
    );
    expect(problems).toEqual([]);
  },
);
