import { config as loadDotenv } from 'dotenv';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { openStore, TokenCipher } from './store';

/** Entry point: configuration → store → app → listen; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`rcnumber: ${problem}`);
    console.error(
      'rcnumber: set these in the environment or in .env (see .env.example). To try rcnumber without Slack or RingCentral credentials, run: npm run demo',
    );
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  let store: ReturnType<typeof openStore>;
  try {
    store = openStore(config.databaseUrl, TokenCipher.fromBase64Keys(config.tokenEncryptionKey));
    await store.connect();
  } catch (error) {
    console.error(`rcnumber: cannot open the store (DATABASE_URL): ${(error as Error).message}`);
    process.exit(1);
  }
  const app = createApp({ config, store, logger });
  const { port } = await app.start();
  logger.info(
    {
      port,
      publicUrl: config.publicUrl,
      socketMode: Boolean(config.slack.appToken),
      ringcentralEvents: config.ringcentralEvents,
    },
    'rcnumber is running',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await app.stop();
      await store.close();
      process.exit(0);
    } catch (error) {
      logger.error({ message: (error as Error).message }, 'unclean stop');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(`rcnumber: failed to start: ${(error as Error).message}`);
  process.exit(1);
});
