/**
 * Loads RingCentral's official OpenAPI spec and turns the response schemas of its operations
 * into validators, so sandbox answers are checked against the spec itself rather than against
 * shapes copied into tests. The spec is read from RC_OPENAPI_SPEC (JSON or YAML, e.g. the full
 * published spec), or else from the cut copy in test/reference/ (see its README). It is parsed
 * once per test file (`loadSpec` is memoised per module instance, and jest gives each file its
 * own).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
export type SpecOperation = { responses: Record<string, Json>; parameters?: Json[] };
export type Paths = Record<string, Record<string, SpecOperation> & { parameters?: Json[] }>;

export interface Spec {
  /** Validator for the JSON body of one response of one operation. */
  validator(apiPath: string, method: string, status?: string): (body: unknown) => string[];
}

export function specPath(): string {
  const candidates = [
    process.env.RC_OPENAPI_SPEC,
    path.resolve(__dirname, '../reference/ringcentral-openapi.json'),
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `RingCentral OpenAPI spec not found; set RC_OPENAPI_SPEC (tried ${candidates.join(', ')})`,
    );
  }
  return found;
}

let loaded: Promise<Spec> | null = null;
let dereferenced: Promise<{ paths: Paths }> | null = null;

export function loadSpec(): Promise<Spec> {
  loaded ??= build();
  return loaded;
}

/** The spec's paths, every `$ref` resolved. */
export function loadPaths(): Promise<Paths> {
  dereferenced ??= dereference();
  return dereferenced.then((api) => api.paths);
}

function dereference(): Promise<{ paths: Paths }> {
  // `yaml` parses and `@apidevtools/swagger-parser` dereferences, in spec-worker.js.
  return new Promise<{ paths: Paths }>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'spec-worker.js'), {
      workerData: { specPath: specPath() },
    });
    worker.once('message', (m: { paths?: Paths; error?: string }) => {
      void worker.terminate();
      if (m.paths) resolve({ paths: m.paths });
      else reject(new Error(`Could not load the OpenAPI spec: ${m.error}`));
    });
    worker.once('error', reject);
  });
}

async function build(): Promise<Spec> {
  const api = { paths: await loadPaths() };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const cache = new Map<string, ValidateFunction>();
  return {
    validator(apiPath, method, status = '200') {
      const key = `${method} ${apiPath} ${status}`;
      let validate = cache.get(key);
      if (!validate) {
        const response = api.paths[apiPath]?.[method]?.responses[status] as
          | { content?: Record<string, { schema?: Json }> }
          | undefined;
        const schema = response?.content?.['application/json']?.schema;
        if (!schema) throw new Error(`The spec has no JSON schema for ${key}`);
        validate = ajv.compile(schema);
        cache.set(key, validate);
      }
      const fn = validate;
      return (body) =>
        fn(body) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}
