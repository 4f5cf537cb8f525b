/**
 * Where the two drivers hand back or take the same column differently. The row mappers read
 * and the SQLite writes bind through these, so a driver's quirk is handled in one place; a
 * single number read in a query of its own (a count, a time) is simply `Number()`ed there.
 */

/** A BIGINT column: pg returns it as a string (it may exceed 2^53); SQLite returns a number. */
export type DbInt = number | string;

/** A BOOLEAN column: pg returns a boolean; SQLite stores and returns 1 or 0. */
export type DbBool = boolean | number;

export function fromDbInt(value: DbInt): number {
  return typeof value === 'number' ? value : Number(value);
}

export function fromNullableDbInt(value: DbInt | null): number | null {
  return value === null ? null : fromDbInt(value);
}

export function fromDbBool(value: DbBool): boolean {
  return Boolean(value);
}

/** better-sqlite3 binds no booleans: BOOLEAN columns take 1 and 0. pg binds them as they are. */
export function sqliteBindable<T extends object>(values: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'boolean' ? Number(value) : value,
    ]),
  );
}
