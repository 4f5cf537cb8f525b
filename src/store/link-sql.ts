/**
 * The link writes whose SQL both dialects share: saveLink's upsert, updateTokens' and
 * updateIdentity's compare-and-swaps and markBroken. Each dialect supplies its table name, its placeholder style
 * and how it gets the next link version.
 */
import { IDENTITY_WRITE_COLUMNS, TOKEN_WRITE_COLUMNS } from './identity-token-rows';
import { LINK_WRITE_COLUMNS } from './rows';

export type Placeholder = (name: string) => string;

/**
 * Inserts a link or replaces the member's existing one in one statement. Relinking starts over:
 * status active, no broken reason, a new version, so a refresh of the old link fails its CAS.
 */
export function saveLinkSql(table: string, p: Placeholder, versionExpr: string): string {
  const replaced = LINK_WRITE_COLUMNS.filter((c) => c !== 'team_id' && c !== 'user_id');
  return `INSERT INTO ${table} (${LINK_WRITE_COLUMNS.join(', ')}, version, status, broken_reason)
    VALUES (${LINK_WRITE_COLUMNS.map(p).join(', ')}, ${versionExpr}, 'active', NULL)
    ON CONFLICT (team_id, user_id) DO UPDATE SET
      ${replaced.map((c) => `${c} = excluded.${c}`).join(', ')},
      version = excluded.version, status = 'active', broken_reason = NULL
    RETURNING *`;
}

/**
 * Writes a token pair, and with `withIdentity` the identity columns too, only while the stored
 * version is still `expected_version`: one statement, so tokens and identity never disagree.
 */
export function updateTokensSql(
  table: string,
  p: Placeholder,
  versionExpr: string,
  withIdentity = false,
): string {
  const columns = withIdentity
    ? [...TOKEN_WRITE_COLUMNS, ...IDENTITY_WRITE_COLUMNS]
    : TOKEN_WRITE_COLUMNS;
  return `UPDATE ${table} SET
      ${columns.map((c) => `${c} = ${p(c)}`).join(', ')},
      updated_at = ${p('updated_at')}, version = ${versionExpr}
    WHERE team_id = ${p('team_id')} AND user_id = ${p('user_id')}
      AND version = ${p('expected_version')}
    RETURNING *`;
}

/**
 * Writes the identity columns only while the stored version is still `expected_version`. The
 * version stays: the token pair did not change, so a refresh under way still wins its CAS.
 */
export function updateIdentitySql(table: string, p: Placeholder): string {
  return `UPDATE ${table} SET
      ${IDENTITY_WRITE_COLUMNS.map((c) => `${c} = ${p(c)}`).join(', ')},
      updated_at = ${p('updated_at')}
    WHERE team_id = ${p('team_id')} AND user_id = ${p('user_id')}
      AND version = ${p('expected_version')}
    RETURNING *`;
}

/**
 * Marks a link broken, with `withVersion` only while the stored version is still
 * `expected_version`. The version is left as it is: a broken link is not a new token pair.
 */
export function markBrokenSql(table: string, p: Placeholder, withVersion: boolean): string {
  const cas = withVersion ? ` AND version = ${p('expected_version')}` : '';
  return `UPDATE ${table} SET status = 'broken', broken_reason = ${p('reason')},
      updated_at = ${p('updated_at')}
    WHERE team_id = ${p('team_id')} AND user_id = ${p('user_id')}${cas}`;
}

/**
 * Positional parameters for pg from named values: `p(name)` hands out `$1`, `$2`… in order of
 * first use and reuses the number for a repeated name.
 */
export function positional(values: Record<string, unknown>): { p: Placeholder; params: unknown[] } {
  const params: unknown[] = [];
  const numbers = new Map<string, number>();
  const p = (name: string): string => {
    let n = numbers.get(name);
    if (n === undefined) {
      if (!(name in values)) throw new Error(`no value for SQL parameter ${name}`);
      params.push(values[name]);
      n = params.length;
      numbers.set(name, n);
    }
    return `$${n}`;
  };
  return { p, params };
}
