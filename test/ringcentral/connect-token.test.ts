import { randomBytes } from 'node:crypto';
import { BrowserBindingKey } from '../../src/ringcentral/browser-binding-key';
import {
  CONNECT_TOKEN_TTL_MS,
  ConnectTokens,
  RESPONSE_URL_TTL_MS,
} from '../../src/ringcentral/connect-token';
import { SqliteStore, TokenCipher } from '../../src/store';

const key = () => randomBytes(32).toString('base64');
const NOW = 1_700_000_000_000;
const ANA = { teamId: 'T0001', userId: 'UANA' };
const WHERE = { channelId: 'C0001', responseUrl: 'https://hooks.slack.example/commands/1' };

describe('ConnectTokens', () => {
  let store: SqliteStore;
  let clock = NOW;
  let tokens: ConnectTokens;
  beforeEach(async () => {
    store = new SqliteStore({ path: ':memory:', cipher: TokenCipher.fromBase64Keys(key()) });
    await store.connect();
    clock = NOW;
    tokens = new ConnectTokens(store.links, () => clock);
  });
  afterEach(async () => {
    await store.close();
  });

  it('issues opaque tokens that say nothing of the member or where they asked', async () => {
    const token = await tokens.issue(ANA, WHERE);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await tokens.issue(ANA, WHERE)).not.toBe(token);
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    for (const part of [ANA.teamId, ANA.userId, WHERE.channelId, 'hooks.slack']) {
      expect(token).not.toContain(part);
      expect(decoded).not.toContain(part);
    }
    expect(await tokens.resolve(token)).toEqual({
      ...ANA,
      ...WHERE,
      expiresAt: NOW + CONNECT_TOKEN_TTL_MS,
    });
  });

  it('refuses unknown, altered, malformed and expired tokens', async () => {
    const token = await tokens.issue(ANA);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of ['', 'abc', altered, `${token}x`, randomBytes(32).toString('base64url')]) {
      expect(await tokens.resolve(bad)).toBeNull();
    }
    clock = NOW + CONNECT_TOKEN_TTL_MS;
    expect(await tokens.resolve(token)).toBeNull();
  });

  it('forgets the response_url once Slack no longer takes it, and keeps the member', async () => {
    const token = await tokens.issue(ANA, WHERE);
    clock = NOW + RESPONSE_URL_TTL_MS;
    expect(await tokens.resolve(token)).toMatchObject({ ...ANA, responseUrl: null });
  });
});

describe('BrowserBindingKey', () => {
  it('binds one subject only and refuses altered values', () => {
    const binding = new BrowserBindingKey(key());
    const value = binding.sign('state-1');
    expect(binding.verify('state-1', value)).toBe(true);
    expect(binding.verify('state-2', value)).toBe(false);
    expect(binding.verify('state-1', `${value}x`)).toBe(false);
    expect(binding.verify('state-1', undefined)).toBe(false);
  });

  it('keeps accepting values signed with an older key after the keys are rotated', () => {
    const [oldKey, newKey] = [key(), key()];
    const value = new BrowserBindingKey(oldKey).sign('s');
    expect(new BrowserBindingKey(`${newKey}, ${oldKey}`).verify('s', value)).toBe(true);
    expect(new BrowserBindingKey(newKey).verify('s', value)).toBe(false);
    const fresh = new BrowserBindingKey(`${newKey}, ${oldKey}`).sign('s');
    expect(new BrowserBindingKey(newKey).verify('s', fresh)).toBe(true);
  });
});
