/**
 * Encryption at rest for RingCentral tokens: AES-256-GCM with a fresh random nonce per value.
 *
 * A sealed value reads `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url parts). The key id lets
 * several keys coexist: the first key of TOKEN_ENCRYPTION_KEY seals, the others only open, so a
 * key can be rotated without a migration (tokens rotate on every refresh and get resealed then).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const BASE64URL_PART = /^[A-Za-z0-9_-]*$/;
const HOW_TO_MAKE_ONE =
  'make one with `openssl rand -base64 32` or ' +
  "`node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"`";

/** A sealed token that cannot be opened: unknown key, wrong context, or altered text. */
export class TokenDecryptError extends Error {
  readonly code = 'TOKEN_DECRYPT_FAILED';

  constructor(message: string) {
    super(message);
    this.name = 'TokenDecryptError';
  }
}

/** First 8 hex chars of sha256(key): names a key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export class TokenCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly sealingKeyId: string;

  /** `keys[0]` seals; every key opens. Each must be exactly 32 bytes. */
  constructor(keys: readonly Buffer[]) {
    const [first] = keys;
    if (!first) throw new Error('TokenCipher needs at least one key');
    for (const key of keys) {
      if (key.length !== KEY_BYTES) {
        throw new Error(`TokenCipher keys must be ${KEY_BYTES} bytes, got ${key.length}`);
      }
      // Copy so that a caller zeroing or reusing its buffer cannot change our keys.
      this.keys.set(keyIdOf(key), Buffer.from(key));
    }
    this.sealingKeyId = keyIdOf(first);
  }

  /**
   * Reads TOKEN_ENCRYPTION_KEY: base64 of 32 bytes, or a comma-separated list whose first key
   * seals and whose others only open. Errors are one line and never echo key material.
   */
  static fromBase64Keys(value: string): TokenCipher {
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length === 0) {
      throw new Error(
        `TOKEN_ENCRYPTION_KEY is empty: it needs base64 of 32 random bytes; ${HOW_TO_MAKE_ONE}`,
      );
    }
    const keys = entries.map((entry, index) => {
      const which =
        entries.length === 1
          ? 'TOKEN_ENCRYPTION_KEY'
          : `TOKEN_ENCRYPTION_KEY (key ${index + 1} of ${entries.length})`;
      if (!BASE64.test(entry)) {
        throw new Error(
          `${which} is not base64: it needs base64 of 32 random bytes; ${HOW_TO_MAKE_ONE}`,
        );
      }
      const key = Buffer.from(entry, 'base64');
      if (key.length !== KEY_BYTES) {
        throw new Error(
          `${which} decodes to ${key.length} bytes, not ${KEY_BYTES}: it needs base64 of 32 random bytes; ${HOW_TO_MAKE_ONE}`,
        );
      }
      return key;
    });
    return new TokenCipher(keys);
  }

  /** A fresh random key, base64: for demos and tests; production keys come from the environment. */
  static generateKey(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }

  /** Id of the key that seals new values. */
  get keyId(): string {
    return this.sealingKeyId;
  }

  /**
   * Seals `plaintext`. `context` (authenticated, not stored) binds the value to where it lives,
   * so a sealed token copied to another row or field no longer opens.
   */
  encrypt(plaintext: string, context = ''): string {
    const key = this.keys.get(this.sealingKeyId) as Buffer;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, this.sealingKeyId, b64url(nonce), b64url(ciphertext), b64url(tag)].join('.');
  }

  /** Opens a value made by `encrypt` with any known key and the same `context`. */
  decrypt(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    const [format, keyId, nonceText, ciphertextText, tagText] = parts;
    if (
      parts.length !== 5 ||
      format !== FORMAT ||
      keyId === undefined ||
      nonceText === undefined ||
      ciphertextText === undefined ||
      tagText === undefined ||
      ![nonceText, ciphertextText, tagText].every((part) => BASE64URL_PART.test(part))
    ) {
      throw new TokenDecryptError(
        'sealed token is malformed (expected v1.<keyId>.<nonce>.<data>.<tag>)',
      );
    }
    const key = this.keys.get(keyId);
    if (!key) {
      throw new TokenDecryptError(
        `sealed token uses key ${keyId}, which is not in TOKEN_ENCRYPTION_KEY (known: ${[...this.keys.keys()].join(', ')})`,
      );
    }
    const nonce = Buffer.from(nonceText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) {
      throw new TokenDecryptError('sealed token is malformed (bad nonce or tag length)');
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      const plaintext = Buffer.concat([
        decipher.update(Buffer.from(ciphertextText, 'base64url')),
        decipher.final(),
      ]);
      return plaintext.toString('utf8');
    } catch {
      throw new TokenDecryptError(
        `sealed token failed authentication with key ${keyId} (altered or moved)`,
      );
    }
  }
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}
