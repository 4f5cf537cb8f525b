/**
 * Runs one memory measurement in a process of its own, so its RSS holds nothing but the app's
 * pieces and the caches under test (not the latency runs before it, nor the sandbox).
 */
import { type MemoryOptions, measureMemory } from './memory';

process.once('message', (options: MemoryOptions) => {
  measureMemory(options).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ ok: false, message: String(error) }, () => process.exit(1)),
  );
});
process.on('disconnect', () => process.exit(0));
