/** Starts a bench server (app-process.ts, bare-bolt-process.ts) in a child process. */
import { fork } from 'node:child_process';
import path from 'node:path';

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export function forkServer(file: string, env: Record<string, string>): Promise<ChildServer> {
  const child = fork(path.join(__dirname, file), [], {
    // `--import tsx` lets the child load TypeScript whether the bench runs under tsx or jest;
    // BENCH_CHILD_FLAGS adds node flags to it, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CHILD_FLAGS?.split(' ').filter(Boolean) ?? []),
    ],
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<ChildServer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start`)), START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} ended (${code})`));
    });
    child.on('message', (message: { kind: string; port: number }) => {
      if (message.kind !== 'ready') return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        pid: child.pid ?? 0,
        async stop() {
          // Disconnecting lets the child exit by itself (and write a --cpu-prof profile).
          if (child.connected) child.disconnect();
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}
