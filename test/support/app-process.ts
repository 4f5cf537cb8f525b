// Runs one rcnumber app in its own process, configured from the environment, for tests that
// need several processes sharing one database. Prints "ready" once it listens.
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openStore, TokenCipher } from '../../src/store';

async function run(): Promise<void> {
  const config = loadConfig();
  const store = openStore(
    config.databaseUrl,
    TokenCipher.fromBase64Keys(config.tokenEncryptionKey),
  );
  await store.connect();
  // TEST_NO_CACHE: every command reaches RingCentral (and so meets expired tokens).
  const cache = process.env.TEST_NO_CACHE ? { maxBytes: 1 } : undefined;
  // TEST_RATE_LIMIT: an account whose per-person limits are this many requests a minute in
  // every group (the sandbox announces the same), for tests whose load is not about limits.
  const limit = Number(process.env.TEST_RATE_LIMIT);
  const rateBudget =
    limit > 0 ? { limits: { Light: limit, Medium: limit, Heavy: limit, Auth: limit } } : undefined;
  const app = createApp({ config, store, logger: createLogger('silent'), cache, rateBudget });
  await app.start();
  process.stdout.write('ready\n');
  process.on('SIGTERM', async () => {
    await app.stop();
    await store.close();
    process.exit(0);
  });
}

run().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
