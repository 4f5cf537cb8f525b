// The layering of src/: each part imports only parts below it, so a reader follows one command
// downward from its listener, and no two parts can only be read together. Type-only imports
// count: a cycle of types still ties two parts together.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Edge,
  partCycles,
  partEdges,
  partOf,
  relativeSpecifiers,
  sourceFiles,
} from './imports';

/** Higher imports lower, never the other way; equal ranks do not import each other. */
const RANK: Record<string, number> = {
  // Sharing the event loop in slices: below everything, imports nothing.
  'cpu-slices': -1,
  model: 0,
  paths: 0,
  errors: 0,
  phone: 0,
  'background-work': 0,
  // Prometheus registry and families: reads its sources through functions it is given.
  metrics: 0,
  'derived-macs': 0,
  // The HTTP requests the app sends, through undici: below everything that sends one.
  'outbound-http': 0,
  config: 1,
  grammar: 1,
  store: 1,
  logger: 2,
  blocks: 2,
  ringcentral: 3,
  directory: 4,
  // Builds directory listings on a thread of its own: parses RingCentral's pages for directory/.
  'listing-worker': 4.5,
  slack: 4,
  services: 5,
  flows: 6,
  listeners: 7,
  http: 7,
  app: 8,
  main: 9,
  demo: 9,
  // Stand-ins for RingCentral and Slack: whole programs of their own, used by the demo and tests.
  sandbox: 9,
  'slack-stand-in': 9,
};

/** Only the demo runs the app against the stand-ins; the product never reaches them. */
const STAND_INS = new Set(['sandbox', 'slack-stand-in']);

function breaches(edges: readonly Edge[]): string[] {
  return edges.flatMap((edge) => {
    const from = RANK[edge.from];
    const to = RANK[edge.to];
    if (from === undefined || to === undefined) return [`${edge.example}: unranked part`];
    if (STAND_INS.has(edge.to) && edge.from !== 'demo') return [`${edge.example}: stand-in`];
    if (STAND_INS.has(edge.from) && !STAND_INS.has(edge.to)) return [`${edge.example}: stand-in`];
    if (!STAND_INS.has(edge.to) && to >= from) return [`${edge.example}: upward`];
    return [];
  });
}

describe('the layers of src/', () => {
  const edges = partEdges();

  test('the reader finds imports of every form, type-only ones included', () => {
    const source = [
      "import type { Link } from '../store/types';",
      "import { type A } from '../model';",
      "export { x } from './x';",
      "export type * from '../model/answers';",
      "const later = await import('../directory');",
      "import '../side-effect';",
      "import { WebClient } from '@slack/web-api';",
    ].join('\n');
    expect(relativeSpecifiers(source)).toEqual([
      '../store/types',
      '../model',
      './x',
      '../model/answers',
      '../directory',
      '../side-effect',
    ]);
  });

  test('every part of src/ has a rank', () => {
    expect(edges.length).toBeGreaterThan(50);
    const parts = new Set(sourceFiles().map((file) => partOf(file)));
    expect([...parts].filter((part) => !(part in RANK))).toEqual([]);
  });

  test('no import cycle between the parts of src/', () => {
    expect(partCycles(edges)).toEqual([]);
  });

  test('imports only run downward', () => {
    expect(breaches(edges)).toEqual([]);
  });

  test('a cycle or an upward import is caught', () => {
    const root = mkdtempSync(join(tmpdir(), 'rcnumber-layers-'));
    mkdirSync(join(root, 'blocks'));
    mkdirSync(join(root, 'flows'));
    writeFileSync(join(root, 'blocks', 'a.ts'), "import type { B } from '../flows/b';\n");
    writeFileSync(join(root, 'flows', 'b.ts'), "import { a } from '../blocks/a';\n");
    const planted = partEdges(root);
    expect(partCycles(planted)).toEqual([['blocks', 'flows']]);
    expect(breaches(planted)).toEqual(['blocks/a.ts -> ../flows/b: upward']);
  });
});
