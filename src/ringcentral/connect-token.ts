import { createHash, randomBytes } from 'node:crypto';
import type { ConnectStart, LinksStore, MemberKey } from '../store/types';

/** What a Connect button stands for: who it is for, where to confirm, until when. */
export interface ConnectClaims extends MemberKey {
  channelId: string | null;
  responseUrl: string | null;
  expiresAt: number;
}

/** Where the link prompt was shown, so the confirmation can replace it. */
export interface ConnectWhere {
  channelId?: string | null;
  responseUrl?: string | null;
}

/** A Connect button sent in a DM or the Home tab stays usable this long. */
export const CONNECT_TOKEN_TTL_MS = 7 * 24 * 60 * 60_000;
/** Slack takes posts to a response_url for 30 minutes; later, the link is confirmed by DM. */
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

/** 32 random bytes, base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token in a Connect button's URL (`/oauth/ringcentral/start?t=…`) is opaque: 32 random
 * bytes standing for a row in the store, which holds who it is for and where to confirm. So no
 * URL, page or forwarded message carries a Slack response_url or channel. Only the token's
 * hash is stored, so a copy of the database holds no usable button. The OAuth state itself is
 * created only when the button is opened, so a week-old welcome DM still works while every
 * state stays short-lived and single-use.
 */
export class ConnectTokens {
  constructor(
    private readonly store: Pick<LinksStore, 'saveConnectStart' | 'findConnectStart'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh token for a Connect button bound to `member`. */
  async issue(member: MemberKey, where: ConnectWhere = {}): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const start: ConnectStart = {
      teamId: member.teamId,
      userId: member.userId,
      tokenHash: hashOf(token),
      channelId: where.channelId ?? null,
      responseUrl: where.responseUrl ?? null,
      createdAt,
      expiresAt: createdAt + CONNECT_TOKEN_TTL_MS,
    };
    await this.store.saveConnectStart(start);
    return token;
  }

  /** What a genuine, unexpired token stands for; null for anything else. */
  async resolve(token: string): Promise<ConnectClaims | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const now = this.now();
    const start = await this.store.findConnectStart(hashOf(token), now);
    if (!start) return null;
    // A response_url past Slack's half hour would only fail; the DM takes over.
    const fresh = now - start.createdAt < RESPONSE_URL_TTL_MS;
    return {
      teamId: start.teamId,
      userId: start.userId,
      channelId: start.channelId,
      responseUrl: fresh ? start.responseUrl : null,
      expiresAt: start.expiresAt,
    };
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
