/**
 * Each link's RingCentral event subscription on PostgreSQL, in `event_subscriptions`. Every
 * method is one statement whose WHERE clause states what it expects to find, so concurrent
 * processes need no transaction: the one whose statement changed the row won.
 */
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
import type { NameFn } from './migrations';
import { keyParams, type PgQuery } from './postgres-query';
import type { MemberKey } from './types';

const KEY = 'team_id = $1 AND user_id = $2';

export class PostgresSubscriptions implements SubscriptionsStore {
  private readonly table: string;
  private readonly links: string;

  constructor(
    private readonly query: PgQuery,
    name: NameFn,
  ) {
    this.table = name('event_subscriptions');
    this.links = name('links');
  }

  async get(member: MemberKey): Promise<EventSubscription | null> {
    const { rows } = await this.query<SubscriptionRow>(
      `SELECT * FROM ${this.table} WHERE ${KEY}`,
      keyParams(member),
    );
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async bySubscriptionId(subscriptionId: string): Promise<EventSubscription | null> {
    const { rows } = await this.query<SubscriptionRow>(
      `SELECT * FROM ${this.table} WHERE subscription_id = $1`,
      [subscriptionId],
    );
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async linksWithout(limit: number): Promise<UnsubscribedLink[]> {
    const { rows } = await this.query<LinkOwnerRow>(
      `SELECT l.team_id, l.user_id, l.account_id, l.extension_id FROM ${this.links} l
        LEFT JOIN ${this.table} s ON s.team_id = l.team_id AND s.user_id = l.user_id
        WHERE s.team_id IS NULL AND l.status = 'active'
        ORDER BY l.linked_at, l.team_id, l.user_id LIMIT $1`,
      [limit],
    );
    return rows.map(toUnsubscribedLink);
  }

  async activeLinks(limit: number): Promise<ActiveLink[]> {
    const { rows } = await this.query<ActiveLinkRow>(
      `SELECT team_id, user_id, account_id, extension_id, is_admin FROM ${this.links}
        WHERE status = 'active' ORDER BY linked_at, team_id, user_id LIMIT $1`,
      [limit],
    );
    return rows.map(toActiveLink);
  }

  async claimNew(
    member: MemberKey,
    owner: SubscriptionOwner,
    now: number,
    retryAt: number,
  ): Promise<boolean> {
    return this.changed(
      `INSERT INTO ${this.table}
        (team_id, user_id, account_id, extension_id, next_check_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (team_id, user_id) DO NOTHING`,
      [...keyParams(member), owner.accountId, owner.extensionId, retryAt, now],
    );
  }

  async due(now: number, limit: number): Promise<EventSubscription[]> {
    const { rows } = await this.query<SubscriptionRow>(
      `SELECT * FROM ${this.table} WHERE next_check_at <= $1
        ORDER BY next_check_at, team_id, user_id LIMIT $2`,
      [now, limit],
    );
    return rows.map(toSubscription);
  }

  async claimDue(row: EventSubscription, leaseUntil: number, now: number): Promise<boolean> {
    return this.changed(
      `UPDATE ${this.table} SET next_check_at = $3, updated_at = $4
        WHERE ${KEY} AND subscription_id IS NOT DISTINCT FROM $5 AND next_check_at = $6`,
      [...keyParams(row), leaseUntil, now, row.subscriptionId, row.nextCheckAt],
    );
  }

  async saveCreated(
    member: MemberKey,
    expected: string | null,
    created: CreatedSubscription,
    now: number,
  ): Promise<boolean> {
    return this.changed(
      `UPDATE ${this.table} SET subscription_id = $3, token_hash = $4, expires_at = $5,
        next_check_at = $6, updated_at = $7
        WHERE ${KEY} AND subscription_id IS NOT DISTINCT FROM $8`,
      [
        ...keyParams(member),
        created.subscriptionId,
        created.tokenHash,
        created.expiresAt,
        created.nextCheckAt,
        now,
        expected,
      ],
    );
  }

  async reschedule(
    member: MemberKey,
    subscriptionId: string | null,
    nextCheckAt: number,
    now: number,
    expiresAt?: number,
  ): Promise<boolean> {
    return this.changed(
      `UPDATE ${this.table} SET next_check_at = $3, updated_at = $4,
        expires_at = COALESCE($5, expires_at)
        WHERE ${KEY} AND subscription_id IS NOT DISTINCT FROM $6`,
      [...keyParams(member), nextCheckAt, now, expiresAt ?? null, subscriptionId],
    );
  }

  async remove(member: MemberKey, subscriptionId?: string | null): Promise<boolean> {
    if (subscriptionId === undefined) {
      return this.changed(`DELETE FROM ${this.table} WHERE ${KEY}`, keyParams(member));
    }
    return this.changed(
      `DELETE FROM ${this.table} WHERE ${KEY} AND subscription_id IS NOT DISTINCT FROM $3`,
      [...keyParams(member), subscriptionId],
    );
  }

  private async changed(sql: string, params: unknown[]): Promise<boolean> {
    return ((await this.query(sql, params)).rowCount ?? 0) > 0;
  }
}
