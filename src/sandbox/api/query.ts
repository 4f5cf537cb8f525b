/** Reading filters from a query string the way RingCentral accepts them. */
import { invalidParameter } from '../http/errors';

/** All values of a repeatable parameter, sent as the spec has it: `status=A&status=B`. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query.getAll(name).filter((v) => v !== '');
}

/** A repeatable parameter whose values must come from an enum; unknown values are a 400. */
export function enumListParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  const values = listParam(query, name);
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v)) throw invalidParameter(name, v);
  }
  return values as T[];
}

/** A single-valued enum parameter. */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalidParameter(name, value);
  return value as T;
}
