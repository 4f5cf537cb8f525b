import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 under keys derived (HKDF, one info string per purpose) from TOKEN_ENCRYPTION_KEY,
 * so no extra secret is needed. New MACs use the first key, and a MAC made with any listed key is
 * accepted, so rotating TOKEN_ENCRYPTION_KEY (new key first, old one kept behind it) voids none
 * of the buttons, cookies or links already handed out.
 */
export class DerivedMacs {
  private readonly keys: Buffer[];

  constructor(encryptionKeysBase64: string, info: string) {
    const entries = encryptionKeysBase64
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // An empty setting still yields one (useless but deterministic) key.
    this.keys = (entries.length > 0 ? entries : ['']).map((entry) =>
      Buffer.from(hkdfSync('sha256', Buffer.from(entry, 'base64'), Buffer.alloc(0), info, 32)),
    );
  }

  /** The MAC of `body` under the first key (base64url, 43 characters). */
  sign(body: string): string {
    return mac(this.keys[0] as Buffer, body);
  }

  /** Whether `given` is the MAC of `body` under any listed key; compared in constant time. */
  verify(body: string, given: string | undefined): boolean {
    if (!given) return false;
    const offered = Buffer.from(given);
    return this.keys.some((key) => {
      const expected = Buffer.from(mac(key, body));
      return expected.length === offered.length && timingSafeEqual(expected, offered);
    });
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
