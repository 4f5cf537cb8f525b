/**
 * Checks requests the sandbox received against RingCentral's OpenAPI spec itself (not against
 * the sandbox's generated table): the operation must exist, and its path and query parameters
 * must be ones the spec names, with values its schemas allow. Used at the end of the whole test
 * run (global-teardown.js) on every request any sandbox logged, and by its own test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { loadPaths, type Paths } from '../sandbox/openapi';

type Json = Record<string, unknown>;

/** One line of the run-wide request log (src/sandbox/request-log-file.ts). */
export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  /** A test sent it breaking the spec on purpose (`X-Sandbox-Probe: breaks-spec`). */
  probe?: boolean;
  /** The sandbox's own verdict. */
  specProblems?: string[];
}

/** The sandbox's sign-in page: RingCentral's login UI, not an API operation. */
const SIGN_IN_PAGES = new Set([
  '/restapi/oauth/authorize/approve',
  '/restapi/oauth/authorize/deny',
]);

export interface RequestChecker {
  /** What is wrong with the request's parameters per the spec; empty when it is allowed. */
  problems(request: Pick<LoggedRequest, 'method' | 'path' | 'query'>): string[];
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      /^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

export async function requestChecker(): Promise<RequestChecker> {
  const paths: Paths = await loadPaths();
  // Query values are text: `coerceTypes: 'array'` reads "5" as 5 and a lone value as a list.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: 'array' });
  addFormats(ajv);
  const compiled = new Map<Json, ValidateFunction>();
  const validatorOf = (schema: Json) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile({ type: 'object', properties: { value: schema } });
      compiled.set(schema, validate);
    }
    return validate;
  };
  // Templates with fewer parameters first: `/entries/search` is not an `{entryId}`.
  const templates = Object.keys(paths)
    .map((template) => ({ template, pattern: templatePattern(template) }))
    .sort((a, b) => a.template.split('{').length - b.template.split('{').length);

  return {
    problems({ method, path: requestPath, query }) {
      if (SIGN_IN_PAGES.has(requestPath)) return [];
      const verb = method.toLowerCase();
      const found = templates.find((t) => paths[t.template]?.[verb] && t.pattern.test(requestPath));
      if (!found) {
        return requestPath.startsWith('/restapi/')
          ? [`${method} ${requestPath} is not an operation of the spec`]
          : [];
      }
      const item = paths[found.template] ?? {};
      const operation = item[verb] ?? { responses: {} };
      const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])].filter(
        (p) => p.in === 'path' || p.in === 'query',
      );
      const pathValues = (found.pattern.exec(requestPath) ?? []).slice(1);
      const pathNames = [...found.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const search = new URLSearchParams(query);
      const problems: string[] = [];
      for (const param of params) {
        const name = String(param.name);
        const raw =
          param.in === 'path'
            ? [decodeURIComponent(pathValues[pathNames.indexOf(name)] ?? '')]
            : search.getAll(name);
        if (raw.length === 0) {
          if (param.required) problems.push(`${name} is required`);
          continue;
        }
        const schema = (param.schema ?? {}) as Json;
        const data = { value: schema.type === 'array' || raw.length > 1 ? raw : raw[0] };
        const validate = validatorOf(schema);
        if (!validate(data)) {
          const why = (validate.errors ?? []).map((e) => e.message).join('; ');
          problems.push(`${name}=${raw.join(',')}: ${why}`);
        }
      }
      const known = new Set(params.filter((p) => p.in === 'query').map((p) => String(p.name)));
      for (const name of new Set(search.keys())) {
        if (!known.has(name)) problems.push(`${name} is not a parameter of this operation`);
      }
      return problems;
    },
  };
}

/** Every line every sandbox of the run logged in `folder`. */
export function readRequestLog(folder: string): LoggedRequest[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) =>
      readFileSync(path.join(folder, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LoggedRequest),
    );
}

/**
 * The requests that break the spec without saying so, probes that do not break it (or that
 * the sandbox did not refuse), and requests the sandbox refused although the spec allows them.
 */
export function offenders(checker: RequestChecker, requests: LoggedRequest[]): string[] {
  const out: string[] = [];
  for (const request of requests) {
    const where = `${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`;
    const problems = checker.problems(request);
    if (request.probe) {
      if (problems.length === 0) out.push(`${where}: marked as breaking the spec, but it does not`);
      else if (request.status < 400) {
        out.push(`${where}: breaks the spec yet was answered ${request.status}`);
      }
    } else if (problems.length > 0) {
      out.push(`${where}: ${problems.join('; ')}`);
    } else if (request.specProblems?.length) {
      out.push(
        `${where}: the sandbox refused it (${request.specProblems.join('; ')}), the spec allows it`,
      );
    }
  }
  return [...new Set(out)];
}
