/**
 * Work a request starts but does not wait for (republishing a Home tab after a link). Kept here
 * so that stopping the app lets it finish instead of cutting it off mid-call.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `task` detached; its failure is the task's own business (it must log, not throw). */
  run(task: Promise<unknown>): void {
    const tracked = task.catch(() => undefined).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Tracks work someone else awaits (a listener's run), so stopping waits for it too. */
  track<T>(task: Promise<T>): Promise<T> {
    this.run(task);
    return task;
  }

  /** Resolves once everything started so far has settled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
