// The repository tests itself alone: no file in src/, test/, bench/ or scripts/ may name a path
// outside it, such as a shared reference folder beside the checkout. Reference files the tests
// need live in test/reference/. Relative paths are resolved from the file that names them, which
// is how `path.resolve(__dirname, …)` and imports use them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SCANNED = ['src', 'test', 'bench', 'scripts'];

// Built from pieces so that this file does not match its own patterns.
const SHARED = new RegExp(['shared', 'reference'].join('\\/'));
const SIBLING = new RegExp(['\\.\\.', 'shared', ''].join('\\/'));
const ABSOLUTE = new RegExp(`['"\`]/(${['work', 'home', 'Users'].join('|')})/`);
/** A quoted path that starts by going up: '../x', "..", `../../y`. */
const UP_LITERAL = /(['"`])(\.\.(?:\/[^'"`\s]*)?)\1/g;
/** Path segments given one by one: join(__dirname, '..', '..', 'x'). */
const UP_SEGMENTS = /(?:(['"])\.\.\1\s*,\s*)*(['"])\.\.\2/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

const outside = (from: string, target: string): boolean => {
  const to = resolve(from, target);
  return to !== ROOT && !to.startsWith(ROOT + sep);
};

/** What in `source` (the text of the file at `file`) reaches outside the repository. */
function escapes(file: string, source: string): string[] {
  const from = dirname(file);
  const found: string[] = [];
  for (const pattern of [SHARED, SIBLING, ABSOLUTE]) {
    const m = pattern.exec(source);
    if (m) found.push(m[0]);
  }
  for (const m of source.matchAll(UP_LITERAL)) {
    if (outside(from, m[2] ?? '')) found.push(m[0]);
  }
  for (const m of source.matchAll(UP_SEGMENTS)) {
    const up = m[0].split(',').map(() => '..');
    if (outside(from, up.join('/'))) found.push(m[0]);
  }
  return found;
}

test('the scan reports paths that leave the repository and passes ones that stay inside', () => {
  const file = join(ROOT, 'test', 'manifest', 'manifest.test.ts');
  const up3 = '../'.repeat(3);
  const bad = [
    `path.resolve(__dirname, '${up3}${['shared', 'reference'].join('/')}/slack-manifest-schema')`,
    `path.resolve(__dirname, "${up3}other-repo/spec.yml")`,
    `const spec = '/${'work'}/spec.yml';`,
    `join(__dirname, ${Array(3).fill("'..'").join(', ')})`,
    `import x from '${up3}x';`,
  ];
  for (const line of bad)
    expect({ line, found: escapes(file, line).length > 0 }).toEqual({ line, found: true });
  const good = [
    "path.resolve(__dirname, '../reference/slack-manifest-schema')",
    "path.resolve(__dirname, '../..')",
    "join(__dirname, '..', '..')",
    "import { startSandbox } from '../../src/sandbox';",
    "const REST = '/restapi/v1.0/account/~';",
  ];
  for (const line of good)
    expect({ line, found: escapes(file, line) }).toEqual({ line, found: [] });
});

test.each(SCANNED)('nothing in %s/ reads outside the repository', (dir) => {
  const files = filesUnder(join(ROOT, dir));
  expect(files.length).toBeGreaterThan(0);
  const problems = files.flatMap((file) =>
    escapes(file, readFileSync(file, 'utf8')).map((e) => `${relative(ROOT, file)}: ${e}`),
  );
  expect(problems).toEqual([]);
});

test('the scan covers the files that once read a folder beside the repository', () => {
  const scanned = SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir))).map((f) =>
    relative(ROOT, f).split(sep).join('/'),
  );
  expect(scanned).toEqual(
    expect.arrayContaining([
      'test/sandbox/openapi.ts',
      'test/manifest/manifest.test.ts',
      'test/architecture/reads-inside-repo.test.ts',
    ]),
  );
  expect(scanned.length).toBeGreaterThan(100);
});
