/**
 * The shared rate ledger on PostgreSQL (`rate_spend`, `rate_blocks`). A spend takes a
 * transaction-scoped advisory lock on the person and group first, so concurrent processes
 * decide one after the other and cannot both take the last request of a window.
 */
import type pg from 'pg';
import type { NameFn } from './migrations';
import { spendDecision } from './rate-sql';
import type { RateLedger, SpendResult } from './types';

export class PostgresRates implements RateLedger {
  constructor(
    private readonly pool: () => pg.Pool,
    private readonly name: NameFn,
  ) {}

  async trySpend(
    key: string,
    group: string,
    id: string,
    now: number,
    windowMs: number,
    limit: number,
  ): Promise<SpendResult> {
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `rcnumber-rate:${key}:${group}`,
      ]);
      const block = await client.query<{ blocked_until: string }>(
        `SELECT blocked_until FROM ${this.name('rate_blocks')} WHERE budget_key = $1 AND rate_group = $2`,
        [key, group],
      );
      const sent = await client.query<{ sent_at: string }>(
        `SELECT sent_at FROM ${this.name('rate_spend')}
         WHERE budget_key = $1 AND rate_group = $2 AND sent_at > $3 ORDER BY sent_at`,
        [key, group, now - windowMs],
      );
      const decision = spendDecision(
        sent.rows.map((row) => Number(row.sent_at)),
        Number(block.rows[0]?.blocked_until ?? 0),
        now,
        windowMs,
        limit,
      );
      if (decision.spent) {
        await client.query(
          `INSERT INTO ${this.name('rate_spend')} (id, budget_key, rate_group, sent_at)
           VALUES ($1, $2, $3, $4)`,
          [id, key, group, now],
        );
      }
      await client.query('COMMIT');
      return decision;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async refund(id: string): Promise<void> {
    await this.pool().query(`DELETE FROM ${this.name('rate_spend')} WHERE id = $1`, [id]);
  }

  async block(key: string, group: string, until: number): Promise<void> {
    await this.pool().query(
      `INSERT INTO ${this.name('rate_blocks')} AS b (budget_key, rate_group, blocked_until)
       VALUES ($1, $2, $3) ON CONFLICT (budget_key, rate_group)
       DO UPDATE SET blocked_until = GREATEST(b.blocked_until, excluded.blocked_until)`,
      [key, group, until],
    );
  }

  async purge(before: number): Promise<number> {
    // Blocks that ended go too: one row per person and group would otherwise stay for good.
    await this.pool().query(`DELETE FROM ${this.name('rate_blocks')} WHERE blocked_until < $1`, [
      before,
    ]);
    const result = await this.pool().query(
      `DELETE FROM ${this.name('rate_spend')} WHERE sent_at < $1`,
      [before],
    );
    return result.rowCount ?? 0;
  }
}
