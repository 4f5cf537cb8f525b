/** Starts memory-process.ts with one measurement's options and waits for its result. */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { MemoryOptions, MemoryResult } from './memory';

type ChildMessage = { ok: true; result: MemoryResult } | { ok: false; message: string };

export function runMemoryProcess(options: MemoryOptions): Promise<MemoryResult> {
  const child = fork(path.join(__dirname, 'memory-process.ts'), [], {
    // --expose-gc: snapshots are taken after a full collection.
    execArgv: ['--expose-gc', '--import', 'tsx'],
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<MemoryResult>((resolve, reject) => {
    let settled = false;
    child.once('message', (message: ChildMessage) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(`memory measurement failed: ${message.message}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`the memory measurement process ended (${code})`));
    });
    child.send(options);
  });
}
