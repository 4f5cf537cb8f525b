// Stops the PostgreSQL server that global-setup.js started, and removes its folder. Then checks
// every request the sandboxes received during the run against RingCentral's spec: the run fails
// when one breaks it (see check-request-log.ts).
const fs = require('node:fs');
const { checkRequestLog } = require('./check-request-log');

module.exports = async function globalTeardown() {
  const started = globalThis.__rcnumberPostgres;
  if (started) {
    await started.server.stop();
    fs.rmSync(started.base, { recursive: true, force: true });
  }
  const requestLog = globalThis.__rcnumberRequestLog;
  if (!requestLog) return;
  try {
    await checkRequestLog(requestLog);
  } finally {
    fs.rmSync(requestLog, { recursive: true, force: true });
  }
};
