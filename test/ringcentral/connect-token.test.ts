import { randomBytes } from 'node:crypto';
import { type ConnectClaims, ConnectTokenSigner } from '../../src/ringcentral/connect-token';

const key = () => randomBytes(32).toString('base64');
const NOW = 1_700_000_000_000;
const claims: ConnectClaims = {
  teamId: 'T0001',
  userId: 'UANA',
  channelId: 'C0001',
  responseUrl: 'https://hooks.slack.example/commands/1',
  expiresAt: NOW + 60_000,
};

describe('ConnectTokenSigner', () => {
  it('round-trips its own token and refuses expired, altered and malformed ones', () => {
    const signer = new ConnectTokenSigner(key());
    const token = signer.sign(claims);
    expect(signer.verify(token, NOW)).toEqual(claims);
    expect(signer.verify(token, claims.expiresAt)).toBeNull();
    const [body, mac] = token.split('.');
    expect(signer.verify(`${body}.${mac?.slice(1)}`, NOW)).toBeNull();
    expect(signer.verify(`${body}x.${mac}`, NOW)).toBeNull();
    for (const bad of ['', '.', 'abc', `${body}.`, `.${mac}`]) {
      expect(signer.verify(bad, NOW)).toBeNull();
    }
  });

  it('keeps accepting buttons signed with an older key after the keys are rotated', () => {
    const [oldKey, newKey] = [key(), key()];
    const before = new ConnectTokenSigner(oldKey);
    const token = before.sign(claims);
    // Rotation puts the new key first and keeps the old one behind it.
    const after = new ConnectTokenSigner(`${newKey}, ${oldKey}`);
    expect(after.verify(token, NOW)).toEqual(claims);
    // New buttons are signed with the first key only.
    const fresh = after.sign(claims);
    expect(new ConnectTokenSigner(newKey).verify(fresh, NOW)).toEqual(claims);
    expect(before.verify(fresh, NOW)).toBeNull();
  });

  it('refuses a token once its key is no longer listed', () => {
    const [oldKey, newKey] = [key(), key()];
    const token = new ConnectTokenSigner(oldKey).sign(claims);
    expect(new ConnectTokenSigner(newKey).verify(token, NOW)).toBeNull();
    expect(new ConnectTokenSigner(`${newKey},`).verify(token, NOW)).toBeNull();
  });
});
