import { randomBytes } from 'node:crypto';
import { keyIdOf, TokenCipher, TokenDecryptError } from '../../src/store/crypto';

const HOW_TO = /openssl rand -base64 32.*randomBytes\(32\)/;

describe('TokenCipher', () => {
  const key = TokenCipher.generateKey();
  const cipher = TokenCipher.fromBase64Keys(key);

  it('round-trips text, including empty and non-ASCII', () => {
    for (const text of ['U0xYz-access-token', '', 'ünïcødé ✓ 🔑', 'x'.repeat(5000)]) {
      expect(cipher.decrypt(cipher.encrypt(text))).toBe(text);
    }
  });

  it('writes v1.<keyId>.<nonce>.<data>.<tag> with the key id of the first key', () => {
    const sealed = cipher.encrypt('secret');
    const parts = sealed.split('.');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('v1');
    expect(parts[1]).toBe(keyIdOf(Buffer.from(key, 'base64')));
    expect(parts[1]).toMatch(/^[0-9a-f]{8}$/);
    expect(cipher.keyId).toBe(parts[1]);
    expect(Buffer.from(parts[2] as string, 'base64url')).toHaveLength(12);
    expect(sealed).not.toContain('secret');
  });

  it('uses a fresh nonce each time, so equal texts seal differently', () => {
    const a = cipher.encrypt('same token');
    const b = cipher.encrypt('same token');
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('detects tampering with any part', () => {
    const sealed = cipher.encrypt('refresh-token-value');
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const changed = [...parts];
      const part = changed[index] as string;
      changed[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
      expect(() => cipher.decrypt(changed.join('.'))).toThrow(TokenDecryptError);
    }
    expect(() => cipher.decrypt('not a sealed token')).toThrow(TokenDecryptError);
    expect(() => cipher.decrypt(`${sealed}.extra`)).toThrow(/malformed/);
  });

  it('binds a value to its context', () => {
    const sealed = cipher.encrypt('token', 'link:T1:U1:access');
    expect(cipher.decrypt(sealed, 'link:T1:U1:access')).toBe('token');
    expect(() => cipher.decrypt(sealed, 'link:T1:U2:access')).toThrow(TokenDecryptError);
  });

  it('refuses a value sealed with a key it does not know, naming the key id', () => {
    const other = TokenCipher.fromBase64Keys(TokenCipher.generateKey());
    const sealed = other.encrypt('token');
    let error: unknown;
    try {
      cipher.decrypt(sealed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TokenDecryptError);
    expect((error as TokenDecryptError).code).toBe('TOKEN_DECRYPT_FAILED');
    expect((error as Error).message).toContain(other.keyId);
  });

  it('rotates keys: the first seals, the others still open old values', () => {
    const oldKey = TokenCipher.generateKey();
    const newKey = TokenCipher.generateKey();
    const sealedOld = TokenCipher.fromBase64Keys(oldKey).encrypt('old token');
    const rotated = TokenCipher.fromBase64Keys(` ${newKey} , ${oldKey} `);
    expect(rotated.decrypt(sealedOld)).toBe('old token');
    const sealedNew = rotated.encrypt('new token');
    expect(sealedNew.split('.')[1]).toBe(TokenCipher.fromBase64Keys(newKey).keyId);
    expect(() => TokenCipher.fromBase64Keys(oldKey).decrypt(sealedNew)).toThrow(TokenDecryptError);
  });

  it('accepts base64url keys too', () => {
    const raw = randomBytes(32);
    const fromUrl = TokenCipher.fromBase64Keys(raw.toString('base64url'));
    expect(fromUrl.keyId).toBe(keyIdOf(raw));
  });

  it.each([
    ['', /TOKEN_ENCRYPTION_KEY is empty/],
    ['   ', /TOKEN_ENCRYPTION_KEY is empty/],
    ['not base64!', /TOKEN_ENCRYPTION_KEY is not base64/],
    [randomBytes(16).toString('base64'), /TOKEN_ENCRYPTION_KEY decodes to 16 bytes, not 32/],
    [randomBytes(33).toString('base64'), /decodes to 33 bytes/],
    [
      `${TokenCipher.generateKey()},short`,
      /TOKEN_ENCRYPTION_KEY \(key 2 of 2\) decodes to 3 bytes/,
    ],
  ])('explains a malformed key %#', (value, message) => {
    let error: unknown;
    try {
      TokenCipher.fromBase64Keys(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    const text = (error as Error).message;
    expect(text).toMatch(message);
    expect(text).toMatch(HOW_TO);
    expect(text).not.toContain('\n');
    if (value.trim() !== '') expect(text).not.toContain(value.trim());
  });

  it('generates distinct 32-byte keys', () => {
    const a = TokenCipher.generateKey();
    expect(Buffer.from(a, 'base64')).toHaveLength(32);
    expect(TokenCipher.generateKey()).not.toBe(a);
  });
});
