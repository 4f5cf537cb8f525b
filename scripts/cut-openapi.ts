/**
 * Cuts RingCentral's public OpenAPI spec down to the operations this project uses, for the copy
 * in test/reference/ that the sandbox's schema tests validate against.
 *
 *   npx tsx scripts/cut-openapi.ts <full-spec.yml> [out.json|out.yml]
 *
 * Keeps whole path items (every method, with its `x-throttling-group`) for the paths in KEEP,
 * every component they reference, directly or through other components, with `$ref`s left as
 * they are, all security schemes, and the tags those operations use. The result is checked by
 * dereferencing it with @apidevtools/swagger-parser, as the tests do. The output defaults to
 * test/reference/ringcentral-openapi.json; a .yml or .yaml name writes YAML instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse, stringify } from 'yaml';

type Json = Record<string, unknown>;

const V1 = '/restapi/v1.0/account/{accountId}';
const V2 = '/restapi/v2/accounts/{accountId}';

/** Paths the sandbox serves or the app calls, and the ones upcoming work needs. */
export const KEEP = [
  // OAuth: the app signs in, refreshes and revokes; the sandbox serves all three.
  '/restapi/oauth/authorize',
  '/restapi/oauth/token',
  '/restapi/oauth/revoke',
  // WebSocket subscriptions: the token that opens a connection to the WebSocket gateway.
  '/restapi/oauth/wstoken',
  // Account API, as served by src/sandbox/api and called by src/ringcentral/account-api.ts.
  V1,
  `${V1}/extension`,
  `${V1}/extension/{extensionId}`,
  `${V1}/extension/{extensionId}/phone-number`,
  `${V1}/extension/{extensionId}/forwarding-number`,
  `${V1}/phone-number`,
  `${V2}/phone-numbers`,
  // Company directory.
  `${V1}/directory/entries`,
  `${V1}/directory/entries/search`,
  `${V1}/directory/entries/{entryId}`,
  `${V1}/directory/federation`,
  // Call handling, features, presence and notifications.
  `${V2}/extensions/{extensionId}/call-flip-numbers`,
  `${V2}/extensions/{extensionId}/comm-handling/voice/forwarding-targets`,
  `${V1}/extension/{extensionId}/features`,
  `${V1}/extension/{extensionId}/presence`,
  '/restapi/v1.0/subscription',
  '/restapi/v1.0/subscription/{subscriptionId}',
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const REF = /^#\/components\/([^/]+)\/([^/]+)$/;

const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Calls `found` with every `#/components/...` string under `node` (`$ref`s and mappings). */
function eachRef(node: unknown, found: (ref: string) => void): void {
  if (typeof node === 'string') {
    if (node.startsWith('#/components/')) found(node);
  } else if (Array.isArray(node)) {
    for (const item of node) eachRef(item, found);
  } else if (node && typeof node === 'object') {
    for (const value of Object.values(node)) eachRef(value, found);
  }
}

export function cut(full: Json): Json {
  const paths = full.paths as Record<string, Json>;
  const components = full.components as Record<string, Record<string, unknown>>;
  const missing = KEEP.filter((p) => !paths[p]);
  if (missing.length > 0) throw new Error(`The spec has no ${missing.join(', ')}`);

  const wanted = new Map<string, Set<string>>();
  const queue: unknown[] = KEEP.map((p) => paths[p]);
  while (queue.length > 0) {
    eachRef(queue.pop(), (ref) => {
      const m = REF.exec(ref);
      if (!m) throw new Error(`Unexpected reference ${ref}`);
      const kind = m[1] ?? '';
      const name = unescapePointer(m[2] ?? '');
      const names = wanted.get(kind) ?? new Set<string>();
      wanted.set(kind, names);
      if (names.has(name)) return;
      const target = components[kind]?.[name];
      if (target === undefined) throw new Error(`Dangling reference ${ref}`);
      names.add(name);
      queue.push(target);
    });
  }

  // Components in the source's own order, so a refresh gives a readable diff.
  const keptComponents: Json = {};
  for (const [kind, all] of Object.entries(components)) {
    const names = kind === 'securitySchemes' ? new Set(Object.keys(all)) : wanted.get(kind);
    if (!names || names.size === 0) continue;
    keptComponents[kind] = Object.fromEntries(
      Object.entries(all).filter(([name]) => names.has(name)),
    );
  }

  const keptPaths = Object.fromEntries(Object.entries(paths).filter(([p]) => KEEP.includes(p)));
  const usedTags = new Set<string>();
  for (const item of Object.values(keptPaths)) {
    for (const method of METHODS) {
      const op = item[method] as { tags?: string[] } | undefined;
      for (const tag of op?.tags ?? []) usedTags.add(tag);
    }
  }
  const tags = (full.tags as { name: string }[] | undefined)?.filter((t) => usedTags.has(t.name));
  const tagGroups = (full['x-tagGroups'] as { tags: string[] }[] | undefined)
    ?.map((g) => ({ ...g, tags: g.tags.filter((t) => usedTags.has(t)) }))
    .filter((g) => g.tags.length > 0);

  const out: Json = {};
  for (const [key, value] of Object.entries(full)) {
    if (key === 'paths') out.paths = keptPaths;
    else if (key === 'components') out.components = keptComponents;
    else if (key === 'tags') out.tags = tags;
    else if (key === 'x-tagGroups') out['x-tagGroups'] = tagGroups;
    else out[key] = value;
  }
  out['x-cut'] =
    'Cut by scripts/cut-openapi.ts from RingCentral Platform API public spec; see test/reference/README.md';
  return out;
}

/** Operations in the cut without an `x-throttling-group` (the source spec leaves some out). */
export function unthrottled(spec: Json): string[] {
  return Object.entries(spec.paths as Record<string, Json>).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m] && !(item[m] as Json)['x-throttling-group']).map(
      (m) => `${m.toUpperCase()} ${p}`,
    ),
  );
}

async function main(): Promise<void> {
  const [source, target = path.join(__dirname, '../test/reference/ringcentral-openapi.json')] =
    process.argv.slice(2);
  if (!source) {
    console.error('usage: npx tsx scripts/cut-openapi.ts <full-spec.yml> [out.json|out.yml]');
    process.exit(2);
  }
  const text = readFileSync(source, 'utf8');
  const full = (source.endsWith('.json') ? JSON.parse(text) : parse(text)) as Json;
  const spec = cut(full);
  await SwaggerParser.dereference(structuredClone(spec) as never);
  const body = /\.ya?ml$/.test(target)
    ? stringify(spec, { lineWidth: 0 })
    : `${JSON.stringify(spec, null, 2)}\n`;
  writeFileSync(target, body);
  const count = (s: Json) => Object.keys(s.paths as Json).length;
  console.log(
    `${count(full)} paths in, ${count(spec)} kept; wrote ${body.length} bytes to ${target}`,
  );
  const loose = unthrottled(spec);
  if (loose.length > 0) console.log(`No x-throttling-group in the source for: ${loose.join(', ')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
