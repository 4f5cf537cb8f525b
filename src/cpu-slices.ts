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
  private pumping = false;

  constructor(
    readonly sliceMs = 3,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sliceStart = clock();
  }

  /** Whether the running slice has used its time; then the caller awaits `next()`. */
  due(): boolean {
    return this.clock() - this.sliceStart >= this.sliceMs;
  }

  /** Resolves when it is this caller's turn again, after the event loop has polled I/O. */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.queue.push(resolve);
      if (!this.pumping) {
        this.pumping = true;
        setImmediate(this.pump);
      }
    });
  }

  /** `await slices.pause()` in a loop: yields only when the slice is used up. */
  pause(): Promise<void> | undefined {
    return this.due() ? this.next() : undefined;
  }

  /** One waiter per turn of the loop; an immediate set from here runs after the next poll. */
  private readonly pump = (): void => {
    const resume = this.queue.shift();
    this.sliceStart = this.clock();
    if (this.queue.length > 0) setImmediate(this.pump);
    else this.pumping = false;
    resume?.();
  };
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
