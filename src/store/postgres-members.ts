/**
 * The members store on PostgreSQL: one onboarding row per member in `members`. Each method is one
 * statement (upserts and conditional UPDATEs), so concurrent processes need no transaction.
 */
import type { NameFn } from './migrations';
import { keyParams, type PgQuery } from './postgres-query';
import { type MemberKeyRow, type MemberRow, toMember, toMemberKey } from './rows';
import type { MemberKey, MemberRecord, MembersStore } from './types';

const KEY = 'team_id = $1 AND user_id = $2';
/** A pending reminder due at the time bound to `now` (a placeholder such as `$1`). */
const due = (now: string): string =>
  `reminder_sent_at IS NULL AND reminder_due_at IS NOT NULL AND reminder_due_at <= ${now}`;

export class PostgresMembers implements MembersStore {
  private readonly table: string;

  constructor(
    private readonly query: PgQuery,
    name: NameFn,
  ) {
    this.table = name('members');
  }

  async getMember(key: MemberKey): Promise<MemberRecord | null> {
    const { rows } = await this.query<MemberRow>(
      `SELECT * FROM ${this.table} WHERE ${KEY}`,
      keyParams(key),
    );
    return rows[0] ? toMember(rows[0]) : null;
  }

  async markWelcomed(key: MemberKey, at: number): Promise<boolean> {
    const changed = await this.run(
      `INSERT INTO ${this.table} AS m (team_id, user_id, welcomed_at) VALUES ($1, $2, $3)
        ON CONFLICT (team_id, user_id) DO UPDATE SET welcomed_at = excluded.welcomed_at
        WHERE m.welcomed_at IS NULL`,
      [...keyParams(key), at],
    );
    return changed > 0;
  }

  async recordPrompt(key: MemberKey, at: number): Promise<void> {
    await this.run(
      `INSERT INTO ${this.table} (team_id, user_id, last_prompted_at) VALUES ($1, $2, $3)
        ON CONFLICT (team_id, user_id) DO UPDATE SET last_prompted_at = excluded.last_prompted_at`,
      [...keyParams(key), at],
    );
  }

  async claimPrompt(key: MemberKey, at: number, quietSince: number): Promise<boolean> {
    const changed = await this.run(
      `INSERT INTO ${this.table} AS m (team_id, user_id, last_prompted_at) VALUES ($1, $2, $3)
        ON CONFLICT (team_id, user_id) DO UPDATE SET last_prompted_at = excluded.last_prompted_at
        WHERE m.last_prompted_at IS NULL OR m.last_prompted_at < $4`,
      [...keyParams(key), at, quietSince],
    );
    return changed > 0;
  }

  async releasePrompt(key: MemberKey, at: number): Promise<void> {
    await this.run(
      `UPDATE ${this.table} SET last_prompted_at = NULL WHERE ${KEY} AND last_prompted_at = $3`,
      [...keyParams(key), at],
    );
  }

  async noteLinkOpened(key: MemberKey, at: number, reminderDueAt: number): Promise<void> {
    // A member gets one reminder: each opening pushes a pending one back, none follows one sent.
    await this.run(
      `INSERT INTO ${this.table} AS m (team_id, user_id, link_opened_at, reminder_due_at)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (team_id, user_id) DO UPDATE SET link_opened_at = excluded.link_opened_at,
          reminder_due_at = CASE WHEN m.reminder_sent_at IS NULL
            THEN excluded.reminder_due_at ELSE m.reminder_due_at END`,
      [...keyParams(key), at, reminderDueAt],
    );
  }

  async dueReminders(now: number, limit: number): Promise<MemberKey[]> {
    const { rows } = await this.query<MemberKeyRow>(
      `SELECT team_id, user_id FROM ${this.table} WHERE ${due('$1')}
        ORDER BY reminder_due_at, team_id, user_id LIMIT $2`,
      [now, limit],
    );
    return rows.map(toMemberKey);
  }

  async claimReminder(key: MemberKey, now: number): Promise<boolean> {
    const changed = await this.run(
      `UPDATE ${this.table} SET reminder_sent_at = $3 WHERE ${KEY} AND ${due('$3')}`,
      [...keyParams(key), now],
    );
    return changed > 0;
  }

  async cancelReminder(key: MemberKey): Promise<void> {
    await this.run(
      `UPDATE ${this.table} SET reminder_due_at = NULL WHERE ${KEY} AND reminder_sent_at IS NULL`,
      keyParams(key),
    );
  }

  async claimBrokenNotice(key: MemberKey, linkVersion: number): Promise<boolean> {
    const changed = await this.run(
      `INSERT INTO ${this.table} AS m (team_id, user_id, broken_notice_version) VALUES ($1, $2, $3)
        ON CONFLICT (team_id, user_id) DO UPDATE SET
          broken_notice_version = excluded.broken_notice_version
        WHERE m.broken_notice_version IS NULL OR m.broken_notice_version < excluded.broken_notice_version`,
      [...keyParams(key), linkVersion],
    );
    return changed > 0;
  }

  async releaseBrokenNotice(key: MemberKey, linkVersion: number): Promise<void> {
    await this.run(
      `UPDATE ${this.table} SET broken_notice_version = NULL
        WHERE ${KEY} AND broken_notice_version = $3`,
      [...keyParams(key), linkVersion],
    );
  }

  private async run(sql: string, params: unknown[]): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }
}
