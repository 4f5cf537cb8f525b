/**
 * `npm run bench`: measures the directory's lookup strategy against the sandbox with a generated
 * company; prints a table and writes bench/results/latest.json. Progress goes to stderr so stdout
 * holds only the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReport } from './report';
import { DEFAULT_OPTIONS, runBench } from './run-bench';

async function main(): Promise<void> {
  const result = await runBench(DEFAULT_OPTIONS, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(renderReport(result));
  const folder = path.join(__dirname, 'results');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'latest.json');
  writeFileSync(file, `${JSON.stringify({ options: DEFAULT_OPTIONS, ...result }, null, 2)}\n`);
  process.stderr.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
