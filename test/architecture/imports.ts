// Reads the import graph of src/ from the files' text: every static, type-only, re-export,
// dynamic and require() specifier that points inside src/, grouped by part (a folder of src/,
// or a file at its root).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const SRC = resolve(__dirname, '..', '..', 'src');

export interface Edge {
  from: string;
  to: string;
  /** 'flows/share.ts -> ../slack/share-channel', for the failure message. */
  example: string;
}

export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

export function partOf(file: string, root = SRC): string {
  return relative(root, file).split(sep)[0]?.replace(/\.ts$/, '') ?? '';
}

const SPECIFIER =
  /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The relative specifiers a source text names, type-only imports included. */
export function relativeSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[1] ?? '');
}

/** Every import from one part of `root` (src/) into another. */
export function partEdges(root = SRC): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(root)) {
    for (const specifier of relativeSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), specifier);
      if (!target.startsWith(root + sep)) continue;
      const from = partOf(file, root);
      const to = partOf(target, root);
      if (from !== to) edges.push({ from, to, example: `${relative(root, file)} -> ${specifier}` });
    }
  }
  return edges;
}

/** The cycles among parts (strongly connected components of more than one part). */
export function partCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)?.add(to);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
