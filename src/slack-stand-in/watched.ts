// A list one can wait on: resolves with the first item, past or future, that matches. Waiting
// on past items too means a caller never races the app it is watching.

interface Waiter<T> {
  matches: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
}

export class Watched<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(
    private readonly noun: string,
    /** Names what arrived instead, for the timeout message. */
    private readonly summarize: (items: T[]) => string,
  ) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.matches(item)) waiter.resolve(item);
    }
  }

  /** Empties the list in place, so arrays handed out earlier stay live. */
  clear(): void {
    this.items.length = 0;
  }

  waitFor(matches: (item: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
    const past = this.items.find(matches);
    if (past !== undefined) return Promise.resolve(past);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.summarize(this.items) || 'nothing';
        reject(
          new Error(`No matching ${this.noun} for ${what} within ${timeoutMs} ms; got: ${seen}`),
        );
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter<T> = {
        matches,
        resolve: (item) => {
          settle();
          resolve(item);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Rejects every pending wait, so a test fails at once instead of timing out. */
  cancel(reason: string): void {
    for (const waiter of [...this.waiters]) waiter.reject(new Error(reason));
  }
}
