// From an id to its listener in one step: every action, view and shortcut id has exactly one file under
// src/listeners/, named after its key in the ids module, and nothing else lives there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActionIds, CallbackIds, ShortcutIds } from '../../src/blocks/ids';
import { SRC } from './imports';

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const listenerFiles = (kind: string) =>
  readdirSync(join(SRC, 'listeners', kind))
    .filter((name) => name !== 'index.ts')
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();

test('one file per action id, named after its key', () => {
  expect(listenerFiles('actions')).toEqual(Object.keys(ActionIds).map(kebab).sort());
});

test('one file per view callback id, named after its key', () => {
  expect(listenerFiles('views')).toEqual(Object.keys(CallbackIds).map(kebab).sort());
});

test('one file per shortcut callback id, named after its key', () => {
  expect(listenerFiles('shortcuts')).toEqual(Object.keys(ShortcutIds).map(kebab).sort());
  // Each id is registered once, from the shortcuts index, by its key.
  const index = readFileSync(join(SRC, 'listeners', 'shortcuts', 'index.ts'), 'utf8');
  const registered = [...index.matchAll(/app\.shortcut<\w+>\(ShortcutIds\.(\w+),/g)].map(
    (m) => m[1],
  );
  expect(registered.sort()).toEqual(Object.keys(ShortcutIds).sort());
});

test('one file per event, named after the event type', () => {
  const index = readFileSync(join(SRC, 'listeners', 'events', 'index.ts'), 'utf8');
  const events = [...index.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1] ?? '');
  expect(events.length).toBeGreaterThan(0);
  expect(listenerFiles('events')).toEqual(events.map((e) => e.replace(/_/g, '-')).sort());
});

test('one file per slash command', () => {
  const index = readFileSync(join(SRC, 'listeners', 'commands', 'index.ts'), 'utf8');
  const commands = [...index.matchAll(/app\.command\('\/([a-z-]+)'/g)].map((m) => m[1] ?? '');
  expect(listenerFiles('commands')).toEqual(commands.sort());
});

test('each listener file holds one exported listener and no helpers', () => {
  for (const kind of ['actions', 'views', 'shortcuts', 'events', 'commands']) {
    for (const name of listenerFiles(kind)) {
      const source = readFileSync(join(SRC, 'listeners', kind, `${name}.ts`), 'utf8');
      const exported = [...source.matchAll(/^export (?:async )?(?:function|const|class) (\w+)/gm)];
      expect({ file: `${kind}/${name}`, exports: exported.length }).toEqual({
        file: `${kind}/${name}`,
        exports: 1,
      });
      expect(source.split('\n').length).toBeLessThan(40);
    }
  }
});
