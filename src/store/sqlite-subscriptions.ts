/**
 * Each link's RingCentral event subscription on SQLite, in `event_subscriptions`. Every method
 * is one statement whose WHERE clause states what it expects to find, so processes sharing the
 * file need no transaction: the one whose statement changed the row won.
 */
import type Database from 'better-sqlite3';
import {
  type ActiveLinkRow,
  type LinkOwnerRow,
  type SubscriptionRow,
  toActiveLink,
  toSubscription,
  toUnsubscribedLink,
} from './admin-rows';
import type {
  ActiveLink,
  CreatedSubscription,
  EventSubscription,
  SubscriptionOwner,
  SubscriptionsStore,
  UnsubscribedLink,
} from './admin-types';
import { keyValues } from './rows';
import type { MemberKey } from './types';

const KEY = 'team_id = @team_id AND user_id = @user_id';

export class SqliteSubscriptions implements SubscriptionsStore {
  constructor(private readonly sql: (text: string) => Database.Statement) {}

  async get(member: MemberKey): Promise<EventSubscription | null> {
    const row = this.sql(`SELECT * FROM event_subscriptions WHERE ${KEY}`).get(keyValues(member)) as
      | SubscriptionRow
      | undefined;
    return row ? toSubscription(row) : null;
  }

  async bySubscriptionId(subscriptionId: string): Promise<EventSubscription | null> {
    const row = this.sql('SELECT * FROM event_subscriptions WHERE subscription_id = ?').get(
      subscriptionId,
    ) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  async linksWithout(limit: number): Promise<UnsubscribedLink[]> {
    const rows = this.sql(
      `SELECT l.team_id, l.user_id, l.account_id, l.extension_id FROM links l
        LEFT JOIN event_subscriptions s ON s.team_id = l.team_id AND s.user_id = l.user_id
        WHERE s.team_id IS NULL AND l.status = 'active'
        ORDER BY l.linked_at, l.team_id, l.user_id LIMIT ?`,
    ).all(limit) as LinkOwnerRow[];
    return rows.map(toUnsubscribedLink);
  }

  async activeLinks(limit: number): Promise<ActiveLink[]> {
    const rows = this.sql(
      `SELECT team_id, user_id, account_id, extension_id, is_admin FROM links
        WHERE status = 'active' ORDER BY linked_at, team_id, user_id LIMIT ?`,
    ).all(limit) as ActiveLinkRow[];
    return rows.map(toActiveLink);
  }

  async claimNew(
    member: MemberKey,
    owner: SubscriptionOwner,
    now: number,
    retryAt: number,
  ): Promise<boolean> {
    const result = this.sql(
      `INSERT INTO event_subscriptions
        (team_id, user_id, account_id, extension_id, next_check_at, updated_at)
        VALUES (@team_id, @user_id, @account_id, @extension_id, @retry, @now)
        ON CONFLICT (team_id, user_id) DO NOTHING`,
    ).run({
      ...keyValues(member),
      account_id: owner.accountId,
      extension_id: owner.extensionId,
      retry: retryAt,
      now,
    });
    return result.changes > 0;
  }

  async due(now: number, limit: number): Promise<EventSubscription[]> {
    const rows = this.sql(
      `SELECT * FROM event_subscriptions WHERE next_check_at <= ?
        ORDER BY next_check_at, team_id, user_id LIMIT ?`,
    ).all(now, limit) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async claimDue(row: EventSubscription, leaseUntil: number, now: number): Promise<boolean> {
    const result = this.sql(
      `UPDATE event_subscriptions SET next_check_at = @lease, updated_at = @now
        WHERE ${KEY} AND subscription_id IS @id AND next_check_at = @seen`,
    ).run({
      ...keyValues(row),
      lease: leaseUntil,
      now,
      id: row.subscriptionId,
      seen: row.nextCheckAt,
    });
    return result.changes > 0;
  }

  async saveCreated(
    member: MemberKey,
    expected: string | null,
    created: CreatedSubscription,
    now: number,
  ): Promise<boolean> {
    const result = this.sql(
      `UPDATE event_subscriptions SET subscription_id = @id, token_hash = @hash,
        expires_at = @expires, next_check_at = @next, updated_at = @now
        WHERE ${KEY} AND subscription_id IS @expected`,
    ).run({
      ...keyValues(member),
      id: created.subscriptionId,
      hash: created.tokenHash,
      expires: created.expiresAt,
      next: created.nextCheckAt,
      now,
      expected,
    });
    return result.changes > 0;
  }

  async reschedule(
    member: MemberKey,
    subscriptionId: string | null,
    nextCheckAt: number,
    now: number,
    expiresAt?: number,
  ): Promise<boolean> {
    const result = this.sql(
      `UPDATE event_subscriptions SET next_check_at = @next, updated_at = @now,
        expires_at = COALESCE(@expires, expires_at)
        WHERE ${KEY} AND subscription_id IS @id`,
    ).run({
      ...keyValues(member),
      next: nextCheckAt,
      now,
      expires: expiresAt ?? null,
      id: subscriptionId,
    });
    return result.changes > 0;
  }

  async remove(member: MemberKey, subscriptionId?: string | null): Promise<boolean> {
    if (subscriptionId === undefined) {
      return (
        this.sql(`DELETE FROM event_subscriptions WHERE ${KEY}`).run(keyValues(member)).changes > 0
      );
    }
    const result = this.sql(
      `DELETE FROM event_subscriptions WHERE ${KEY} AND subscription_id IS @id`,
    ).run({ ...keyValues(member), id: subscriptionId });
    return result.changes > 0;
  }
}
