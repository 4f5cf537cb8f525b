// Waiting for what the app does after its ack (events, sockets, background work).

/** Polls `check` until it holds or `ms` pass; resolves with whether it held. */
export async function within(
  check: () => Promise<boolean> | boolean,
  ms: number,
): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until `check` holds; fails the test when it does not within `ms`. */
export async function eventually(check: () => Promise<boolean> | boolean, ms = 5_000) {
  if (!(await within(check, ms))) throw new Error('condition not met in time');
}
