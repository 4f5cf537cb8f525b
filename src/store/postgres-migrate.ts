/** Runs the shared migrations against PostgreSQL. */
import type pg from 'pg';
import { type NameFn, pendingMigrations, schemaVersionTableSql } from './migrations';

/**
 * Brings the schema up to date in one transaction, under an advisory lock so that processes
 * starting together migrate once and the others wait, then find nothing to do.
 */
export async function migratePostgres(
  pool: pg.Pool,
  schema: string | undefined,
  name: NameFn,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `rcnumber-migrate:${schema ?? ''}`,
    ]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(schemaVersionTableSql(name));
    const { rows } = await client.query<{ current: number }>(
      `SELECT COALESCE(MAX(version), 0)::int AS current FROM ${name('schema_version')}`,
    );
    for (const migration of pendingMigrations(rows[0]?.current ?? 0)) {
      for (const statement of migration.statements('postgres', name)) {
        await client.query(statement);
      }
      await client.query(
        `INSERT INTO ${name('schema_version')} (version, name, applied_at) VALUES ($1, $2, $3)`,
        [migration.version, migration.name, Date.now()],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
