/**
 * The main thread's side of the listing worker (worker.ts): one worker thread for the whole
 * process, started when the first directory listing is read and restarted if it ever dies.
 * Each listing is a job of its own; a page's answer goes over as bytes (transferred, not
 * copied) and the finished listing comes back as a few strings and arrays of small integers.
 *
 * Why a worker now, when the listings were once kept on the main thread: a listing of objects
 * cost as much to copy back as to parse (22–55 ms a page), but the text columns it is kept as
 * now (src/directory/text-columns.ts) take about a millisecond to copy for 10,000 people.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DirectoryTablesJob, DirectoryTablesMaker } from '../directory/context';
import type { DirectoryExtras, DirectoryParts } from '../directory/directory-tables';
import { AppError } from '../errors';
import type { ExtensionSummary } from '../model';
import { takeBody } from '../outbound-http';
import { notJsonError } from '../ringcentral/api-errors';
import type { Reply, Request } from './protocol';

type Waiting = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

export class ListingWorker implements DirectoryTablesMaker {
  private worker: Worker | undefined;
  private present: boolean | undefined;

  /** `file`: the worker's compiled file (or TypeScript source under tsx); beside this one. */
  constructor(private readonly file = defaultWorkerFile()) {}

  /**
   * Whether the worker can run here: an app bundled without its worker file beside it builds
   * its listings on the main thread, in slices, instead of failing every one of them.
   */
  usable(): boolean {
    this.present ??= this.file.endsWith('.ts') || fs.existsSync(this.file);
    return this.present;
  }
  private readonly waiting = new Map<number, Waiting>();
  private sequence = 0;

  start(accountId: string, self: ExtensionSummary): DirectoryTablesJob {
    const job = ++this.sequence;
    this.send({ kind: 'start', job, accountId, self });
    return {
      readPage: async (response) => {
        let body: ArrayBuffer;
        try {
          body = await takeBody(response);
        } catch {
          throw notJsonError(response.status);
        }
        const reply = await this.ask({ kind: 'page', job, id: ++this.sequence, body }, [body]);
        if (!('page' in reply)) throw new Error('the listing worker answered out of turn');
        return { paging: reply.page.paging, records: new Array(reply.page.records).fill(null) };
      },
      finish: async (extras: DirectoryExtras): Promise<DirectoryParts> => {
        const reply = await this.ask({ kind: 'finish', job, id: ++this.sequence, extras });
        if (!('parts' in reply)) throw new Error('the listing worker answered out of turn');
        return reply.parts;
      },
      cancel: () => this.worker && this.send({ kind: 'cancel', job }),
    };
  }

  private async ask(request: Request & { id: number }, transfer: ArrayBuffer[] = []) {
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.thread().ref();
      this.send(request, transfer);
    });
    if (reply.ok) return reply;
    const { code, message, details } = reply.error;
    throw new AppError(code, message, details);
  }

  private send(request: Request, transfer: ArrayBuffer[] = []): void {
    this.thread().postMessage(request, transfer);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.file);
    worker.on('message', (reply: Reply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      waiting?.resolve(reply);
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the listing worker stopped (${code})`)));
    // Idle, it keeps nobody's process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/**
 * A small young generation: the worker's parsed pages die at once and nothing waits on its
 * collections, so it needs none of the room the main thread's default gives (2 × 16 MB), room
 * the process would otherwise hold.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 4 };

/** The worker compiled beside this file, or under tsx (tests, bench) its TypeScript source. */
function defaultWorkerFile(): string {
  return path.join(__dirname, `worker${path.extname(__filename)}`);
}

function startWorker(file: string): Worker {
  if (file.endsWith('.ts')) {
    const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});require(${JSON.stringify(file)});`;
    return new Worker(code, { eval: true, resourceLimits: RESOURCE_LIMITS });
  }
  return new Worker(file, { resourceLimits: RESOURCE_LIMITS });
}

/** The process's one listing worker. */
export const listingWorker = new ListingWorker();
