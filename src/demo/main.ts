/** `npm run demo`: runs the offline demo and prints its transcript. */
import { runDemo } from './run-demo';

runDemo((line) => process.stdout.write(`${line}\n`)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
