import { IdentityCache } from '../../src/directory/identity-cache';

describe('IdentityCache', () => {
  it('keeps answers apart by identity: one identity never sees another’s', async () => {
    const cache = new IdentityCache();
    await cache.get('acct:1:admin', 'numbers', async () => ['admin view']);
    const regular = await cache.get('acct:2:user', 'numbers', async () => ['regular view']);
    expect(regular).toEqual(['regular view']);
    expect(cache.peek('acct:2:user', 'numbers')).toEqual(['regular view']);
    expect(cache.peek('acct:3:user', 'numbers')).toBeUndefined();
  });

  it('shares one load between concurrent misses', async () => {
    const cache = new IdentityCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return loads;
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.get('id', 'x', load)));
    expect(answers).toEqual([1, 1, 1, 1, 1]);
    expect(loads).toBe(1);
  });

  it('serves a stale answer at once and refreshes it behind the scenes', async () => {
    let now = 0;
    const cache = new IdentityCache({ freshMs: 1000, staleMs: 10_000, now: () => now });
    let version = 1;
    const load = async () => version;
    expect(await cache.get('id', 'x', load)).toBe(1);
    version = 2;
    now = 1500;
    expect(await cache.get('id', 'x', load)).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('id', 'x', load)).toBe(2);
  });

  it('keeps the stale answer when a background refresh fails, and does not cache failures', async () => {
    let now = 0;
    const cache = new IdentityCache({ freshMs: 1000, now: () => now });
    await cache.get('id', 'x', async () => 'good');
    now = 2000;
    expect(await cache.get('id', 'x', async () => Promise.reject(new Error('down')))).toBe('good');
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.peek('id', 'x')).toBe('good');
    await expect(
      cache.get('id', 'y', async () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down');
    expect(cache.peek('id', 'y')).toBeUndefined();
  });

  it('stays within its size bound, and forgets one identity on request', async () => {
    const cache = new IdentityCache({ maxBytes: 10_000 });
    for (let i = 0; i < 100; i++) {
      await cache.get(
        `id-${i}`,
        'numbers',
        async () => i,
        () => 1000,
      );
    }
    expect(cache.totalBytes).toBeLessThanOrEqual(10_000);
    expect(cache.peek('id-99', 'numbers')).toBe(99);
    expect(cache.peek('id-0', 'numbers')).toBeUndefined();
    cache.forgetIdentity('id-99');
    expect(cache.peek('id-99', 'numbers')).toBeUndefined();
  });
});
