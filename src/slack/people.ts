import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { slackErrorCode } from './error-code';

export interface SlackMember {
  id: string;
  email: string | null;
  isBot: boolean;
  deleted: boolean;
  isGuest: boolean;
  /** The full name on the profile, when set. */
  realName: string | null;
  /** The name shown in mentions, when set (often empty in Slack). */
  displayName: string | null;
  /** The account's username (`name`), the handle when no display name is set. */
  username: string | null;
}

const MISSING = Symbol('missing');

/**
 * Slack profile look-ups (email ↔ member) with a small cache. This holds only what any
 * workspace member can see of another in Slack, never anything read from RingCentral: a hit
 * requires the caller to already hold the email from their own answer.
 */
export class SlackPeople {
  private readonly byEmail = new LRUCache<string, string | typeof MISSING>({
    max: 5000,
    ttl: 60 * 60_000,
  });
  private readonly byId = new LRUCache<string, SlackMember>({ max: 5000, ttl: 10 * 60_000 });
  private readonly teamNames = new LRUCache<string, string>({ max: 100, ttl: 60 * 60_000 });

  constructor(private readonly client: WebClient) {}

  /** The Slack member whose profile email is `email`, or null. */
  async userIdForEmail(teamId: string, email: string): Promise<string | null> {
    const key = `${teamId}|${email.toLowerCase()}`;
    const cached = this.byEmail.get(key);
    if (cached !== undefined) return cached === MISSING ? null : cached;
    try {
      const answer = await this.client.users.lookupByEmail({ email });
      const id = answer.user?.id ?? null;
      this.byEmail.set(key, id ?? MISSING);
      return id;
    } catch (error) {
      if (slackErrorCode(error) === 'users_not_found') {
        this.byEmail.set(key, MISSING);
      }
      return null;
    }
  }

  /**
   * The workspace's name, as the bot's own token sees it (auth.test, which needs no scope);
   * null when Slack does not answer or the token belongs to another workspace.
   */
  async workspaceName(teamId: string): Promise<string | null> {
    const cached = this.teamNames.get(teamId);
    if (cached !== undefined) return cached;
    try {
      const answer = await this.client.auth.test();
      if (answer.team_id !== teamId || !answer.team) return null;
      this.teamNames.set(teamId, answer.team);
      return answer.team;
    } catch {
      return null;
    }
  }

  async member(teamId: string, userId: string): Promise<SlackMember | null> {
    const key = `${teamId}|${userId}`;
    const cached = this.byId.get(key);
    if (cached) return cached;
    try {
      const answer = await this.client.users.info({ user: userId });
      const user = answer.user;
      if (!user?.id) return null;
      const member: SlackMember = {
        id: user.id,
        email: user.profile?.email ?? null,
        isBot: Boolean(user.is_bot) || user.id === 'USLACKBOT',
        deleted: Boolean(user.deleted),
        isGuest: Boolean(user.is_restricted || user.is_ultra_restricted),
        realName: user.profile?.real_name || user.real_name || null,
        displayName: user.profile?.display_name || null,
        username: user.name || null,
      };
      this.byId.set(key, member);
      return member;
    } catch {
      return null;
    }
  }
}
