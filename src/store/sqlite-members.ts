/**
 * The members store on SQLite: one onboarding row per member in `members`. Each method is one
 * statement (upserts and conditional UPDATEs), so processes sharing the file need no transaction.
 */
import type Database from 'better-sqlite3';
import { keyValues, type MemberKeyRow, type MemberRow, toMember, toMemberKey } from './rows';
import type { MemberKey, MemberRecord, MembersStore } from './types';

const KEY = 'team_id = @team_id AND user_id = @user_id';
const DUE = 'reminder_sent_at IS NULL AND reminder_due_at IS NOT NULL AND reminder_due_at <= @now';

export class SqliteMembers implements MembersStore {
  constructor(private readonly sql: (text: string) => Database.Statement) {}

  async getMember(key: MemberKey): Promise<MemberRecord | null> {
    const row = this.sql(`SELECT * FROM members WHERE ${KEY}`).get(keyValues(key)) as
      | MemberRow
      | undefined;
    return row ? toMember(row) : null;
  }

  async markWelcomed(key: MemberKey, at: number): Promise<boolean> {
    const result = this.sql(
      `INSERT INTO members (team_id, user_id, welcomed_at) VALUES (@team_id, @user_id, @at)
        ON CONFLICT (team_id, user_id) DO UPDATE SET welcomed_at = excluded.welcomed_at
        WHERE welcomed_at IS NULL`,
    ).run({ ...keyValues(key), at });
    return result.changes > 0;
  }

  async recordPrompt(key: MemberKey, at: number): Promise<void> {
    this.sql(
      `INSERT INTO members (team_id, user_id, last_prompted_at) VALUES (@team_id, @user_id, @at)
        ON CONFLICT (team_id, user_id) DO UPDATE SET last_prompted_at = excluded.last_prompted_at`,
    ).run({ ...keyValues(key), at });
  }

  async claimPrompt(key: MemberKey, at: number, quietSince: number): Promise<boolean> {
    const result = this.sql(
      `INSERT INTO members (team_id, user_id, last_prompted_at) VALUES (@team_id, @user_id, @at)
        ON CONFLICT (team_id, user_id) DO UPDATE SET last_prompted_at = excluded.last_prompted_at
        WHERE last_prompted_at IS NULL OR last_prompted_at < @quiet`,
    ).run({ ...keyValues(key), at, quiet: quietSince });
    return result.changes > 0;
  }

  async releasePrompt(key: MemberKey, at: number): Promise<void> {
    this.sql(
      `UPDATE members SET last_prompted_at = NULL WHERE ${KEY} AND last_prompted_at = @at`,
    ).run({ ...keyValues(key), at });
  }

  async noteLinkOpened(key: MemberKey, at: number, reminderDueAt: number): Promise<void> {
    // A member gets one reminder: each opening pushes a pending one back, none follows one sent.
    this.sql(
      `INSERT INTO members (team_id, user_id, link_opened_at, reminder_due_at)
        VALUES (@team_id, @user_id, @at, @due)
        ON CONFLICT (team_id, user_id) DO UPDATE SET link_opened_at = excluded.link_opened_at,
          reminder_due_at = CASE WHEN reminder_sent_at IS NULL
            THEN excluded.reminder_due_at ELSE reminder_due_at END`,
    ).run({ ...keyValues(key), at, due: reminderDueAt });
  }

  async dueReminders(now: number, limit: number): Promise<MemberKey[]> {
    const rows = this.sql(
      `SELECT team_id, user_id FROM members WHERE ${DUE}
        ORDER BY reminder_due_at, team_id, user_id LIMIT @limit`,
    ).all({ now, limit }) as MemberKeyRow[];
    return rows.map(toMemberKey);
  }

  async claimReminder(key: MemberKey, now: number): Promise<boolean> {
    const result = this.sql(
      `UPDATE members SET reminder_sent_at = @now WHERE ${KEY} AND ${DUE}`,
    ).run({ ...keyValues(key), now });
    return result.changes > 0;
  }

  async cancelReminder(key: MemberKey): Promise<void> {
    this.sql(
      `UPDATE members SET reminder_due_at = NULL WHERE ${KEY} AND reminder_sent_at IS NULL`,
    ).run(keyValues(key));
  }

  async claimBrokenNotice(key: MemberKey, linkVersion: number): Promise<boolean> {
    const result = this.sql(
      `INSERT INTO members (team_id, user_id, broken_notice_version)
        VALUES (@team_id, @user_id, @version)
        ON CONFLICT (team_id, user_id) DO UPDATE SET
          broken_notice_version = excluded.broken_notice_version
        WHERE broken_notice_version IS NULL OR broken_notice_version < excluded.broken_notice_version`,
    ).run({ ...keyValues(key), version: linkVersion });
    return result.changes > 0;
  }

  async releaseBrokenNotice(key: MemberKey, linkVersion: number): Promise<void> {
    this.sql(
      `UPDATE members SET broken_notice_version = NULL
        WHERE ${KEY} AND broken_notice_version = @version`,
    ).run({ ...keyValues(key), version: linkVersion });
  }
}
