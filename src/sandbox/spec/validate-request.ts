/**
 * Checks a request's path and query parameters against its operation in the spec, as
 * RingCentral's API gateway does: unknown names, missing required ones, wrong types, values
 * outside an enum, too long or out of bounds. Query values arrive as text; arrays are the
 * repeated `name=value` form (`explode: true`), which is what the SDK sends.
 */
import type { OperationRule, SchemaRule } from './types';

export interface ParameterProblem {
  name: string;
  /** CMN-100 for a missing mandatory parameter, CMN-101 for a bad value or an unknown name. */
  errorCode: 'CMN-100' | 'CMN-101';
  value?: string;
  reason: string;
}

function valueProblem(rule: SchemaRule, value: string): string | null {
  if (rule.oneOf) {
    return rule.oneOf.some((option) => valueProblem(option, value) === null)
      ? null
      : 'matches none of the allowed forms';
  }
  switch (rule.type) {
    case 'integer':
    case 'number': {
      const pattern = rule.type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
      if (!pattern.test(value))
        return `is not ${rule.type === 'integer' ? 'an integer' : 'a number'}`;
      const n = Number(value);
      if (rule.minimum !== undefined && n < rule.minimum) return `is below ${rule.minimum}`;
      if (rule.maximum !== undefined && n > rule.maximum) return `is above ${rule.maximum}`;
      break;
    }
    case 'boolean':
      if (value !== 'true' && value !== 'false') return 'is not true or false';
      break;
    default:
      if (rule.minLength !== undefined && value.length < rule.minLength) {
        return `is shorter than ${rule.minLength}`;
      }
      if (rule.maxLength !== undefined && value.length > rule.maxLength) {
        return `is longer than ${rule.maxLength}`;
      }
  }
  if (rule.enum && !rule.enum.includes(value)) return 'is not one of the allowed values';
  return null;
}

/** What is wrong with this request's parameters; empty when the spec allows it. */
export function parameterProblems(
  operation: OperationRule,
  pathParams: Record<string, string>,
  query: URLSearchParams,
): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const known = new Set<string>();
  for (const param of operation.params) {
    const values = param.in === 'path' ? [pathParams[param.name] ?? ''] : query.getAll(param.name);
    if (param.in === 'query') known.add(param.name);
    if (values.length === 0 || (param.in === 'path' && values[0] === '')) {
      if (param.required) {
        problems.push({ name: param.name, errorCode: 'CMN-100', reason: 'is required' });
      }
      continue;
    }
    const isArray = param.schema.type === 'array';
    if (!isArray && values.length > 1) {
      problems.push({ name: param.name, errorCode: 'CMN-101', reason: 'is given more than once' });
      continue;
    }
    const rule = isArray ? (param.schema.items ?? {}) : param.schema;
    for (const value of values) {
      const reason = valueProblem(rule, value);
      if (reason) problems.push({ name: param.name, errorCode: 'CMN-101', value, reason });
    }
  }
  for (const name of new Set(query.keys())) {
    if (!known.has(name)) {
      problems.push({ name, errorCode: 'CMN-101', reason: 'is not a parameter of this operation' });
    }
  }
  return problems;
}
