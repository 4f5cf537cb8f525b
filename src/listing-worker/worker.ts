/**
 * The listing worker's thread: parses regular users' directory pages, checks each entry's
 * shape, builds the listing's tables and sorts them, then hands back the parts. Nothing here
 * touches the main thread's heap, so neither its CPU nor its garbage collections hold the event
 * loop that answers Slack. One job per listing being read; jobs never share anything.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { CpuSlices } from '../cpu-slices';
import { DirectoryTablesBuilder } from '../directory/directory-tables';
import { AppError } from '../errors';
import { notJsonError, UNAVAILABLE_RETRY_SEC } from '../ringcentral/api-errors';
import { checked, checkedPage, SHAPES } from '../ringcentral/shapes';
import type { DirectoryEntryRecord } from '../ringcentral/types';
import type { ErrorData, Reply, Request } from './protocol';

/**
 * Listings are read for later questions; acks are owed to Slack now. The thread asks the
 * system to run it after everything else (Linux: a thread's own nice value, by its id);
 * elsewhere it simply keeps the default.
 */
function yieldToOthers(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // Not Linux, or not allowed: the default priority.
  }
}
yieldToOthers();

/** This thread has nothing else to do: its work need not yield. */
const unsliced = new CpuSlices(Number.POSITIVE_INFINITY);
const jobs = new Map<number, DirectoryTablesBuilder>();
const decoder = new TextDecoder();

function readPage(builder: DirectoryTablesBuilder, body: ArrayBuffer) {
  let page: { records?: unknown; paging?: unknown } | null;
  try {
    page = JSON.parse(decoder.decode(body));
  } catch {
    throw notJsonError();
  }
  // As AccountCalls.pages checks a page: the page's shape only when it has no records list.
  if (!Array.isArray(page?.records)) checkedPage(SHAPES.directoryEntry, page, 'entries');
  const records = page?.records as unknown[];
  for (const record of records) {
    builder.add(checked<DirectoryEntryRecord>(SHAPES.directoryEntry, record, 'entries record'));
  }
  return { paging: page?.paging, records: records.length };
}

function errorData(error: unknown): ErrorData {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, details: { ...error.details } };
  }
  return {
    code: 'ringcentral_unavailable',
    message: `The directory could not be read (${String(error)})`,
    details: { retryAfterSec: UNAVAILABLE_RETRY_SEC },
  };
}

async function handle(request: Request): Promise<Reply | null> {
  if (request.kind === 'start') {
    jobs.set(request.job, new DirectoryTablesBuilder(request.accountId, request.self));
    return null;
  }
  if (request.kind === 'cancel') {
    jobs.delete(request.job);
    return null;
  }
  const builder = jobs.get(request.job);
  try {
    if (!builder) throw new Error('no such listing');
    if (request.kind === 'page') {
      return { id: request.id, ok: true, page: readPage(builder, request.body) };
    }
    jobs.delete(request.job);
    return { id: request.id, ok: true, parts: await builder.seal(request.extras, unsliced) };
  } catch (error) {
    jobs.delete(request.job);
    return { id: request.id, ok: false, error: errorData(error) };
  }
}

parentPort?.on('message', (request: Request) => {
  handle(request).then((reply) => {
    if (reply) parentPort?.postMessage(reply);
  });
});
