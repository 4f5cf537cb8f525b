/**
 * One section of the bench alone, for working on it: `tsx bench/section.ts ack` or
 * `tsx bench/section.ts memory` (the default run's options). Prints the section's result as JSON.
 */
import { measureAckLoad } from './ack-load';
import { chooseQueries, sweepPrefixes } from './queries';
import { startRemoteSandbox } from './remote-sandbox';
import { DEFAULT_OPTIONS } from './run-bench';
import { runMemoryProcess } from './run-memory';

async function main(section: string): Promise<void> {
  const options = DEFAULT_OPTIONS;
  const sandbox = await startRemoteSandbox(options.company);
  try {
    const { sample } = sandbox;
    if (section === 'ack') {
      const result = await measureAckLoad(sandbox, options.ackLoad);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    if (section !== 'memory') throw new Error('the sections are ack and memory');
    const admin = sample.people.find((p) => p.isAdmin);
    if (!admin) throw new Error('the company needs an admin');
    const queries = chooseQueries(sample, options.runs);
    const regular = sample.people.filter((p) => !p.isAdmin);
    const who = sample.people
      .filter((p) => p !== admin && p !== regular[0])
      .slice(0, options.memoryIdentities)
      .map((p) => p.email);
    const result = await runMemoryProcess({
      sandbox: { url: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      who,
      maxBytes: undefined,
      concurrency: options.memoryConcurrency,
      findText: queries.find.repeat[0] ?? 'a',
      calibrate: true,
      prefix: queries.prefix.repeat[0] ?? '650',
      releaseWaitMs: options.memoryReleaseWaitMs,
      prefixSweep: { who: admin.email, prefixes: sweepPrefixes(sample, options.prefixSweep) },
    });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await sandbox.close();
  }
}

main(process.argv[2] ?? 'ack').catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
