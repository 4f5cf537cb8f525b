/** The bench's side of the sandbox child process: start it, sign people in, count requests. */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { GenerateCompanyOptions } from '../src/sandbox';
import type {
  ChildAnswer,
  ChildRequest,
  ChildStart,
  CompanySample,
  RequestTally,
  SandboxReady,
} from './sandbox-protocol';

export interface RemoteSandbox {
  url: string;
  clientId: string;
  clientSecret: string;
  sample: CompanySample;
  approve(authorizeUrl: string, who: string): Promise<string>;
  /** Requests answered since the last tally; counting starts afresh. */
  tally(): Promise<RequestTally>;
  close(): Promise<void>;
}

/** A request without its id (distributed over the union's members). */
type Outgoing<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>;

const START_TIMEOUT_MS = 60_000;

export async function startRemoteSandbox(company: GenerateCompanyOptions): Promise<RemoteSandbox> {
  // `--import tsx` lets the child load TypeScript whether the bench runs under tsx or jest.
  const child: ChildProcess = fork(path.join(__dirname, 'sandbox-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending: Pending = new Map();
  let sequence = 0;
  let exited = false;

  const ready = new Promise<SandboxReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the sandbox did not start')),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: SandboxReady | ChildAnswer) => {
      if (message.kind === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.kind === 'ok') waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.message));
    });
    child.once('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      const error = new Error(`the sandbox process ended (${code})`);
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  });
  child.send({ kind: 'start', company } satisfies ChildStart);
  const started = await ready;

  function call<T>(request: Outgoing<ChildRequest>): Promise<T> {
    if (exited) return Promise.reject(new Error('the sandbox process has ended'));
    const id = ++sequence;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      child.send({ ...request, id });
    });
  }

  return {
    url: started.url,
    clientId: started.clientId,
    clientSecret: started.clientSecret,
    sample: started.sample,
    approve: (authorizeUrl, who) => call<string>({ kind: 'approve', authorizeUrl, who }),
    tally: () => call<RequestTally>({ kind: 'tally' }),
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call({ kind: 'close' }).catch(() => undefined);
      await gone;
    },
  };
}
