/**
 * The shared rate ledger on SQLite (`rate_spend`, `rate_blocks`). A spend reads the window and
 * writes its row in one IMMEDIATE transaction, so two processes on the file cannot both take
 * the last request of a window.
 */
import { spendDecision } from './rate-sql';
import type { SqliteConnection } from './sqlite-link-flow';
import type { RateLedger, SpendResult } from './types';

export class SqliteRates implements RateLedger {
  constructor(private readonly db: SqliteConnection) {}

  async trySpend(
    key: string,
    group: string,
    id: string,
    now: number,
    windowMs: number,
    limit: number,
  ): Promise<SpendResult> {
    return this.db.transaction(() => {
      const block = this.db
        .sql('SELECT blocked_until FROM rate_blocks WHERE budget_key = ? AND rate_group = ?')
        .get(key, group) as { blocked_until: number } | undefined;
      const sent = (
        this.db
          .sql(
            `SELECT sent_at FROM rate_spend WHERE budget_key = ? AND rate_group = ? AND sent_at > ?
             ORDER BY sent_at`,
          )
          .all(key, group, now - windowMs) as Array<{ sent_at: number }>
      ).map((row) => Number(row.sent_at));
      const decision = spendDecision(sent, Number(block?.blocked_until ?? 0), now, windowMs, limit);
      if (decision.spent) {
        this.db
          .sql('INSERT INTO rate_spend (id, budget_key, rate_group, sent_at) VALUES (?, ?, ?, ?)')
          .run(id, key, group, now);
      }
      return decision;
    });
  }

  async refund(id: string): Promise<void> {
    this.db.sql('DELETE FROM rate_spend WHERE id = ?').run(id);
  }

  async block(key: string, group: string, until: number): Promise<void> {
    this.db
      .sql(
        `INSERT INTO rate_blocks (budget_key, rate_group, blocked_until) VALUES (?, ?, ?)
         ON CONFLICT (budget_key, rate_group)
         DO UPDATE SET blocked_until = MAX(blocked_until, excluded.blocked_until)`,
      )
      .run(key, group, until);
  }

  async purge(before: number): Promise<number> {
    // Blocks that ended go too: one row per person and group would otherwise stay for good.
    this.db.sql('DELETE FROM rate_blocks WHERE blocked_until < ?').run(before);
    return this.db.sql('DELETE FROM rate_spend WHERE sent_at < ?').run(before).changes;
  }
}
