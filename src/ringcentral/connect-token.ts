import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { MemberKey } from '../store/types';

/** What a "Connect RingCentral" button carries: who it is for, where to confirm, until when. */
export interface ConnectClaims extends MemberKey {
  channelId: string | null;
  responseUrl: string | null;
  expiresAt: number;
}

/** A Connect button sent in a DM or the Home tab stays usable this long. */
export const CONNECT_TOKEN_TTL_MS = 7 * 24 * 60 * 60_000;

/**
 * Signs and checks the token in a Connect button's URL (`/oauth/ringcentral/start?t=…`). The
 * OAuth state itself is created only when the button is opened, so a week-old welcome DM still
 * works while every state stays short-lived and single-use. The HMAC keys are derived from the
 * token encryption keys, so no extra secret is needed: new tokens are signed with the first key,
 * and a token signed with any listed key is accepted, so rotating TOKEN_ENCRYPTION_KEY (new key
 * first, old one kept behind it) does not void the Connect buttons already sent.
 */
export class ConnectTokenSigner {
  private readonly keys: Buffer[];

  constructor(encryptionKeysBase64: string) {
    const entries = encryptionKeysBase64
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // An empty setting still yields one (useless but deterministic) key, as before.
    this.keys = (entries.length > 0 ? entries : ['']).map((entry) =>
      Buffer.from(
        hkdfSync(
          'sha256',
          Buffer.from(entry, 'base64'),
          Buffer.alloc(0),
          'rcnumber link start',
          32,
        ),
      ),
    );
  }

  sign(claims: ConnectClaims): string {
    const body = Buffer.from(
      JSON.stringify([
        claims.teamId,
        claims.userId,
        claims.channelId,
        claims.responseUrl,
        claims.expiresAt,
      ]),
    ).toString('base64url');
    return `${body}.${this.mac(this.keys[0] as Buffer, body)}`;
  }

  /** The claims of a genuine, unexpired token; null for anything else. */
  verify(token: string, now: number): ConnectClaims | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    if (!this.keys.some((key) => sameMac(this.mac(key, body), mac))) return null;
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

  /**
   * The value of the cookie that ties an OAuth state to the browser that confirmed the link
   * page. Derived from the state, so nothing more needs storing.
   */
  browserBinding(state: string): string {
    return this.mac(this.keys[0] as Buffer, `browser:${state}`);
  }

  /** Whether a cookie value binds this state (under any listed key). */
  isBrowserBinding(state: string, value: string | undefined): boolean {
    if (!value) return false;
    return this.keys.some((key) => sameMac(this.mac(key, `browser:${state}`), value));
  }

  private mac(key: Buffer, body: string): string {
    return createHmac('sha256', key).update(body).digest('base64url');
  }
}

function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
