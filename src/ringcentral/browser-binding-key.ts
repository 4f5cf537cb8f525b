import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signs the cookie that ties a sign-in to the browser that started it. The HMAC keys are
 * derived from the token encryption keys, so no extra secret is needed: new values are signed
 * with the first key, and a value signed with any listed key is accepted, so rotating
 * TOKEN_ENCRYPTION_KEY (new key first, old one kept behind it) does not void sign-ins under way.
 */
export class BrowserBindingKey {
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

  /**
   * The cookie value that binds `subject` (an OAuth state, or a sign-in waiting for its second
   * confirmation) to a browser. Derived from the subject, so nothing more needs storing.
   */
  sign(subject: string): string {
    return mac(this.keys[0] as Buffer, `browser:${subject}`);
  }

  /** Whether a cookie value binds this subject (under any listed key). */
  verify(subject: string, value: string | undefined): boolean {
    if (!value) return false;
    return this.keys.some((key) => sameMac(mac(key, `browser:${subject}`), value));
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
