import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { MemberKey } from '../store/types';

/** What a "Connect RingCentral" button carries: who it is for, where to confirm, until when. */
export interface LinkStartClaims extends MemberKey {
  channelId: string | null;
  responseUrl: string | null;
  expiresAt: number;
}

/** A Connect button sent in a DM or the Home tab stays usable this long. */
export const LINK_START_TTL_MS = 7 * 24 * 60 * 60_000;

/**
 * Signs and checks the token in a Connect button's URL (`/oauth/ringcentral/start?t=…`). The
 * OAuth state itself is created only when the button is opened, so a week-old welcome DM still
 * works while every state stays short-lived and single-use. The HMAC key is derived from the
 * token encryption key, so no extra secret is needed.
 */
export class LinkStartSigner {
  private readonly key: Buffer;

  constructor(encryptionKeyBase64: string) {
    const master = Buffer.from(encryptionKeyBase64.split(',')[0]?.trim() ?? '', 'base64');
    this.key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'rcnumber link start', 32));
  }

  sign(claims: LinkStartClaims): string {
    const body = Buffer.from(
      JSON.stringify([
        claims.teamId,
        claims.userId,
        claims.channelId,
        claims.responseUrl,
        claims.expiresAt,
      ]),
    ).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a genuine, unexpired token; null for anything else. */
  verify(token: string, now: number): LinkStartClaims | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const [teamId, userId, channelId, responseUrl, expiresAt] = JSON.parse(
        Buffer.from(body, 'base64url').toString('utf8'),
      ) as [string, string, string | null, string | null, number];
      if (typeof teamId !== 'string' || typeof userId !== 'string' || !(expiresAt > now))
        return null;
      return { teamId, userId, channelId, responseUrl, expiresAt };
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
