// Parses and dereferences the OpenAPI spec in a worker thread. swagger-parser 13 depends on an
// ES-module-only package that jest's module loader cannot require; a worker runs on Node's own
// loader, which can. The dereferenced paths come back by structured clone, which keeps the
// shared (and any circular) references that dereferencing creates.
const { readFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const SwaggerParser = require('@apidevtools/swagger-parser');
const { parse } = require('yaml');

// JSON for the cut copy in test/reference/ (parses in milliseconds); YAML for anything else.
const text = readFileSync(workerData.specPath, 'utf8');
const doc = workerData.specPath.endsWith('.json') ? JSON.parse(text) : parse(text);

SwaggerParser.dereference(doc).then(
  (api) => parentPort.postMessage({ paths: api.paths }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
