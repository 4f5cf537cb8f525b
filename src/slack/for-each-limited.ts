/**
 * Runs `work` over `items` with at most `limit` in flight, in order of start, and reports each
 * completion. Slack's own client queues and backs off on 429; this keeps one run from flooding
 * that queue, so other requests of the app still get through.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  onDone?: (done: number, total: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
      done++;
      onDone?.(done, items.length);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
}
