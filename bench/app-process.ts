/**
 * One rcnumber app in a process of its own for the ack bench, configured from the environment
 * as `npm start` would be. Tells the bench its port over IPC and stops when the bench goes.
 */
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openStore, TokenCipher } from '../src/store';

async function run(): Promise<void> {
  const config = loadConfig();
  const store = openStore(
    config.databaseUrl,
    TokenCipher.fromBase64Keys(config.tokenEncryptionKey),
  );
  await store.connect();
  const app = createApp({ config, store, logger: createLogger('silent') });
  const { port } = await app.start();
  process.send?.({ kind: 'ready', port });
}

run().catch((error: unknown) => {
  process.stderr.write(`bench app: ${(error as Error).message}\n`);
  process.exit(1);
});
process.on('disconnect', () => process.exit(0));
