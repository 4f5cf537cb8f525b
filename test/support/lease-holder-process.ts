// Holds one refresh lease in a process of its own, so a test can kill the holder for real.
// Configured by the environment (LEASE_DB: sqlite:<path> or postgres://…, LEASE_SCHEMA for
// PostgreSQL, LEASE_TEAM, LEASE_USER); prints "held" or "refused", then waits to be killed.
import { PostgresStore, SqliteStore, TokenCipher } from '../../src/store';

async function run(): Promise<void> {
  const url = process.env.LEASE_DB ?? '';
  const cipher = new TokenCipher([Buffer.alloc(32, 9)]);
  const store = url.startsWith('postgres')
    ? new PostgresStore({ url }, { cipher, schema: process.env.LEASE_SCHEMA })
    : new SqliteStore({ path: url.replace(/^sqlite:/, ''), cipher });
  await store.connect();
  const key = { teamId: process.env.LEASE_TEAM ?? '', userId: process.env.LEASE_USER ?? '' };
  const held = await store.links.tryAcquireRefreshLease(key, 'child', 600_000);
  process.stdout.write(held ? 'held\n' : 'refused\n');
  setInterval(() => undefined, 60_000);
}

run().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
