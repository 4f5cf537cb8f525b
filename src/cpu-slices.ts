import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Long work (parsing a 1000-record page, indexing 20,000 numbers, sorting 10,000 names) done in
 * slices of a few milliseconds, so the event loop polls for I/O between them and a Slack ack
 * never waits behind someone else's cold listing.
 *
 * Why slices on the main thread and not a worker thread: the listings are used here, as objects,
 * by every later lookup. A worker would have to hand its result back, and structured-clone
 * deserialisation of a parsed 1000-record page costs the main thread as much as parsing it
 * (measured: 10–18 ms to parse a directory page, 22–55 ms to clone it). Slices keep one copy.
 *
 * One instance per process serves every caller (the event loop itself is one per process): all
 * waiting work shares one queue, and each turn of the event loop resumes only one slice, so
 * twenty users' cold listings still leave the loop free between slices of at most `sliceMs`.
 */
export class CpuSlices {
  private sliceStart: number;
  private readonly queue: Array<() => void> = [];
  private readonly backgroundQueue: Array<() => void> = [];
  private immediate: NodeJS.Immediate | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** No background slice starts before this: background work leaves the CPU idle in between. */
  private restUntil = 0;

  constructor(
    readonly sliceMs = 3,
    /** Rest after each background slice, so it takes at most about a third of one core. */
    readonly restMs = 6,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sliceStart = clock();
  }

  /** Whether the running slice has used its time; then the caller awaits `next()`. */
  due(): boolean {
    return this.clock() - this.sliceStart >= this.sliceMs;
  }

  /**
   * Resolves when it is this caller's turn again, after the event loop has polled I/O. Work
   * started under `inBackground` waits behind all other work, and rests between its slices.
   */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      (background.getStore() ? this.backgroundQueue : this.queue).push(resolve);
      this.schedule();
    });
  }

  /** `await slices.pause()` in a loop: yields only when the slice is used up. */
  pause(): Promise<void> | undefined {
    return this.due() ? this.next() : undefined;
  }

  private schedule(): void {
    if (this.queue.length > 0) {
      this.immediate ??= setImmediate(this.pump);
    } else if (this.backgroundQueue.length > 0 && !this.immediate && !this.timer) {
      this.timer = setTimeout(this.pump, Math.max(0, this.restUntil - this.clock()));
    }
  }

  /**
   * One waiter per turn of the loop: an immediate set from here runs after the next poll, so
   * requests that arrived meanwhile are read between two slices.
   */
  private readonly pump = (): void => {
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = undefined;
    this.timer = undefined;
    const now = this.clock();
    let resume = this.queue.shift();
    if (!resume && now >= this.restUntil) {
      resume = this.backgroundQueue.shift();
      if (resume) this.restUntil = now + this.sliceMs + this.restMs;
    }
    this.sliceStart = now;
    resume?.();
    this.schedule();
  };
}

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work (warming a listing nobody waits for): its slices yield to
 * every other slice and pace themselves. An OS scheduler treats a process that never rests as
 * a CPU hog and lets others run first, which would delay the acks this process owes Slack.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** The process's one share of the event loop. */
export const cpuSlices = new CpuSlices();

/** How many items between two looks at the clock in the helpers below. */
const CHECK_EVERY = 256;
const SORT_CHUNK = 2048;

/** `fn` over every item, yielding between slices. */
export async function forEachSliced<T>(
  items: Iterable<T>,
  fn: (item: T) => void,
  slices: CpuSlices = cpuSlices,
): Promise<void> {
  let n = 0;
  for (const item of items) {
    fn(item);
    if (++n % CHECK_EVERY === 0) await slices.pause();
  }
}

/**
 * A stable sort in slices: chunks sorted natively, then merged pairwise, looking at the clock
 * every few hundred elements. Sorts `items` in place and returns it.
 */
export async function sortSliced<T>(
  items: T[],
  compare: (a: T, b: T) => number,
  slices: CpuSlices = cpuSlices,
): Promise<T[]> {
  if (items.length <= SORT_CHUNK) return items.sort(compare);
  let runs: T[][] = [];
  for (let start = 0; start < items.length; start += SORT_CHUNK) {
    runs.push(items.slice(start, start + SORT_CHUNK).sort(compare));
    await slices.pause();
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const left = runs[i] as T[];
      const right = runs[i + 1];
      merged.push(right ? await merge(left, right, compare, slices) : left);
    }
    runs = merged;
  }
  const sorted = runs[0] ?? [];
  for (let i = 0; i < sorted.length; i++) items[i] = sorted[i] as T;
  return items;
}

async function merge<T>(
  left: T[],
  right: T[],
  compare: (a: T, b: T) => number,
  slices: CpuSlices,
): Promise<T[]> {
  const out: T[] = new Array(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    // Ties take the left one: equal items keep their order.
    out[k++] = compare(right[j] as T, left[i] as T) < 0 ? (right[j++] as T) : (left[i++] as T);
    if (k % CHECK_EVERY === 0) await slices.pause();
  }
  while (i < left.length) out[k++] = left[i++] as T;
  while (j < right.length) out[k++] = right[j++] as T;
  return out;
}
