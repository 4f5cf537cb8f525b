// Stops the PostgreSQL server that global-setup.js started, and removes its folder.
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const started = globalThis.__rcnumberPostgres;
  if (!started) return;
  await started.server.stop();
  fs.rmSync(started.base, { recursive: true, force: true });
};
