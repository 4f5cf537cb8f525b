/** Runs the real app in a process of its own (test/support/app-process.ts), for tests that kill it. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { freePort, type Harness, SIGNING_SECRET } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

let bundled: Promise<string> | null = null;
let bundleDir: string | null = null;

/** Removes the bundle (call once the test file is done with app processes). */
export function removeAppBundle(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = null;
  bundled = null;
}

/**
 * app-process.ts and everything it imports as one JavaScript file, built once per test worker:
 * a process started from it is ready in a third of the time tsx needs, which is what lets a
 * test restart the app twenty times. Native modules stay outside and load from node_modules.
 */
function appBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-app-'));
    bundleDir = dir;
    const outfile = path.join(dir, 'app.js');
    // The listing worker beside it, as the compiled app has it (worker.js next to its caller).
    await build({
      entryPoints: {
        app: path.join(__dirname, 'app-process.ts'),
        worker: path.join(ROOT, 'src', 'listing-worker', 'worker.ts'),
      },
      outdir: dir,
      bundle: true,
      platform: 'node',
      target: 'node20',
      external: ['better-sqlite3', 'pg-native', 'bufferutil', 'utf-8-validate'],
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundled;
}

export interface AppProcess {
  child: ChildProcess;
  url: string;
  /** When it printed "ready" (listening, store open). */
  readyAt: number;
  /** SIGKILL: no chance to finish, release or store anything. Resolves once it is gone. */
  kill(): Promise<void>;
}

/** The environment of an app process sharing the harness's sandbox, Slack and database. */
export function appEnv(h: Harness, port: number): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: h.slack.url,
    RC_CLIENT_ID: h.sandbox.clientId,
    RC_CLIENT_SECRET: h.sandbox.clientSecret,
    RC_SERVER_URL: h.sandbox.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `sqlite:${h.databasePath}`,
    TOKEN_ENCRYPTION_KEY: h.encryptionKey,
    RC_EVENTS: 'off',
  };
}

export async function spawnApp(h: Harness, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const env = { ...process.env, ...appEnv(h, port), ...extraEnv };
  // The bundle sits outside the checkout: its native modules are found through NODE_PATH.
  env.NODE_PATH = path.join(ROOT, 'node_modules');
  const child = spawn(process.execPath, [await appBundle()], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const readyAt = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes('ready')) resolve(Date.now());
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.once('exit', (code) => reject(new Error(`app process exited ${code}: ${output}`)));
  });
  const app: AppProcess = {
    child,
    url: `http://127.0.0.1:${port}`,
    readyAt,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return app;
}
