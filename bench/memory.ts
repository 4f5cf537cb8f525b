/**
 * Memory held by many linked users' caches. Each identity is linked through the real OAuth flow,
 * then, the way the app serves a request, a session is opened from its stored link, one lookup
 * warms that identity's own listing in the shared `IdentityCache`, and the session is dropped.
 * RSS and heap are read after a full garbage collection (and V8's release of the pages it
 * freed), so they show what stays, not garbage.
 *
 * Run it in a process of its own (see run-memory.ts): RSS then belongs to this work alone.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { findExtensions, IdentityCache, lookupNumber } from '../src/directory';
import { listingWorker } from '../src/listing-worker';
import { identityKeyOf } from '../src/ringcentral/user-session';
import { driveSignIn } from '../src/sandbox/approve';
import type { MemberKey } from '../src/store/types';
import { type LinkedMember, startClientSide } from './bench-stack';

export interface MemoryOptions {
  sandbox: { url: string; clientId: string; clientSecret: string };
  /** One identity is linked per entry (email or extension number). */
  who: string[];
  /** The cache's size limit in bytes; undefined keeps the app's default. */
  maxBytes?: number;
  /** Identities warming at the same time. */
  concurrency: number;
  /** What each identity finds: the lookup that loads its extension listing. */
  findText: string;
  /** Also measure what one identity's listings really take on the heap. */
  calibrate: boolean;
  /** A number prefix for the calibration's number listing. */
  prefix: string;
  /** After the warm-up, an administrator asks each of these prefixes on the same cache. */
  prefixSweep: { who: string; prefixes: string[] } | null;
  /** How long each snapshot waits after its collection before reading RSS (see `snapshot`). */
  releaseWaitMs: number;
}

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
  /** Heap the engine holds from the system, used or not: most of RSS beyond what is used. */
  heapTotalMb: number;
  /** Memory V8 knows of outside its heap: Buffers and ArrayBuffers (typed arrays' contents). */
  externalMb: number;
}

export interface ListingCost {
  /** The cache's own estimate (what counts against its limit). */
  estimatedMb: number;
  /** Growth of the heap (and of memory outside it) after a full collection, while held. */
  heapMb: number;
}

export interface MemoryResult {
  identities: number;
  maxBytes: number | null;
  maxBytesMb: number | null;
  beforeLinking: MemorySnapshot;
  linked: MemorySnapshot;
  warmed: MemorySnapshot;
  cache: { totalBytes: number; totalBytesMb: number; entries: number; identitiesHeld: number };
  warmSeconds: number;
  /** After the administrator's prefix sweep (null when there was none). */
  swept: { prefixes: number; rssMb: number; heapUsedMb: number; cacheMb: number } | null;
  calibration: { isAdmin: boolean; numbers: ListingCost; extensions: ListingCost } | null;
}

const mb = (bytes: number) => Number((bytes / (1024 * 1024)).toFixed(1));

/** A full collection, exposing `gc` if the process was not started with --expose-gc. */
function collect(): void {
  const global = globalThis as { gc?: () => void };
  if (!global.gc) {
    setFlagsFromString('--expose-gc');
    global.gc = runInNewContext('gc') as () => void;
  }
  global.gc?.();
  global.gc?.();
}

/**
 * After a full collection V8 hands the pages it freed back to the system from a background
 * thread, within a second or so: RSS read at once still counts them (measured: 584 MB at
 * once, 449 MB two seconds later, with the same heap). The wait lets RSS show what is held.
 */
async function snapshot(waitMs: number): Promise<MemorySnapshot> {
  collect();
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  collect();
  const usage = process.memoryUsage();
  return {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
  };
}

export async function measureMemory(options: MemoryOptions): Promise<MemoryResult> {
  const approve = (url: string, who: string) => driveSignIn(options.sandbox.url, url, who, false);
  const client = await startClientSide({ ...options.sandbox, approve });
  try {
    const beforeLinking = await snapshot(options.releaseWaitMs);
    const members: MemberKey[] = [];
    for (const who of options.who) members.push((await client.link(who)).member);
    const linked = await snapshot(options.releaseWaitMs);

    const cache = new IdentityCache({ maxBytes: options.maxBytes });
    const keys: string[] = [];
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < members.length) {
        const member = members[next++];
        if (!member) continue;
        const session = await client.open(member);
        keys.push(identityKeyOf(session.identity));
        // As the app does: regular users' directories are read on the listing worker.
        await findExtensions({ api: session.api, cache, tables: listingWorker }, options.findText);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const warmSeconds = (performance.now() - started) / 1000;
    const warmed = await snapshot(options.releaseWaitMs);
    const swept = options.prefixSweep
      ? await sweep(client, cache, options.prefixSweep, options.releaseWaitMs)
      : null;
    // What `find` searches lives in the identity's directory listing (its extension list for admins).
    const held = keys.filter(
      (key) =>
        cache.peek(key, 'numbers') !== undefined || cache.peek(key, 'extensions') !== undefined,
    ).length;
    // Last, so its own allocations cannot show in the snapshots above.
    const first = members[0];
    const calibration =
      options.calibrate && first ? await calibrate(await client.open(first), options) : null;
    return {
      identities: members.length,
      maxBytes: options.maxBytes ?? null,
      maxBytesMb: options.maxBytes === undefined ? null : mb(options.maxBytes),
      beforeLinking,
      linked,
      warmed,
      cache: {
        totalBytes: cache.totalBytes,
        totalBytesMb: mb(cache.totalBytes),
        entries: cache.size,
        identitiesHeld: held,
      },
      warmSeconds: Number(warmSeconds.toFixed(1)),
      swept,
      calibration,
    };
  } finally {
    await client.close();
  }
}

/** One administrator's distinct prefixes, each a cache entry of its own, then a snapshot. */
async function sweep(
  client: Awaited<ReturnType<typeof startClientSide>>,
  cache: IdentityCache,
  plan: { who: string; prefixes: string[] },
  releaseWaitMs: number,
) {
  const admin = await client.link(plan.who);
  for (const prefix of plan.prefixes) await lookupNumber({ api: admin.api, cache }, prefix);
  const after = await snapshot(releaseWaitMs);
  return {
    prefixes: plan.prefixes.length,
    rssMb: after.rssMb,
    heapUsedMb: after.heapUsedMb,
    cacheMb: mb(cache.totalBytes),
  };
}

/** What one identity's number listing and extension listing take, estimated and real. */
async function calibrate(member: LinkedMember, options: MemoryOptions) {
  const cache = new IdentityCache({ maxBytes: 2 ** 31 });
  const ctx = { api: member.api, cache, tables: listingWorker };
  const held = async () => {
    const now = await snapshot(options.releaseWaitMs);
    return now.heapUsedMb + now.externalMb;
  };
  const base = await held();
  // A regular user's prefix is one targeted search; `find` reads their whole directory.
  if (member.identity.isAdmin) await lookupNumber(ctx, options.prefix);
  else await findExtensions(ctx, options.findText);
  const afterNumbers = await held();
  const numbersBytes = cache.totalBytes;
  await findExtensions(ctx, options.findText);
  const afterExtensions = await held();
  const result = {
    isAdmin: member.identity.isAdmin,
    numbers: { estimatedMb: mb(numbersBytes), heapMb: Number((afterNumbers - base).toFixed(1)) },
    extensions: {
      estimatedMb: mb(cache.totalBytes - numbersBytes),
      heapMb: Number((afterExtensions - afterNumbers).toFixed(1)),
    },
  };
  // Held until here so the collections above could not reclaim the listings.
  cache.forgetIdentity(member.session.identityKey);
  return result;
}
