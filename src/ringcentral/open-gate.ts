/**
 * At most `limit` socket attempts at once, the rest waiting their turn in order. Each attempt
 * opens the member's session (maybe refreshing an idle link's token), asks a WebSocket token
 * and subscribes: thousands at start, or after a gateway dropped them all, would be a burst
 * at RingCentral; through the gate they are spread out.
 */
export class OpenGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit = 4) {}

  /** Resolves once a place is free, with the function that frees it again (call it once). */
  async enter(): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      // The place goes straight to the next in line; only when none waits is it freed.
      if (next) next();
      else this.active -= 1;
    };
  }
}
