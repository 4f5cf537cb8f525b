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

/** A load that finishes only when the test says so. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('IdentityCache: forgetting an identity with loads in flight', () => {
  it('does not store a load that finishes after its identity was forgotten', async () => {
    const cache = new IdentityCache();
    const slow = deferred<string>();
    const asked = cache.get('acct:104:user', 'numbers', () => slow.promise);
    cache.forgetIdentity('acct:104:user');
    slow.resolve('listing read with the old token');
    // Whoever asked before the forget still gets the answer...
    await expect(asked).resolves.toBe('listing read with the old token');
    // ...but nothing of it stays for the next question.
    expect(cache.peek('acct:104:user', 'numbers')).toBeUndefined();
    expect(cache.countOf('acct:104:user')).toBe(0);
    expect(cache.size).toBe(0);
    expect(cache.totalBytes).toBe(0);
  });

  it('gives every waiter of the disowned load its answer, and stores none of it', async () => {
    const cache = new IdentityCache();
    const slow = deferred<number>();
    let loads = 0;
    const load = () => {
      loads++;
      return slow.promise;
    };
    const first = cache.get('id', 'x', load);
    const second = cache.get('id', 'x', load);
    cache.forgetIdentity('id');
    slow.resolve(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(loads).toBe(1);
    expect(cache.peek('id', 'x')).toBeUndefined();
  });

  it('starts a fresh load for a question asked after the forget, and stores only that one', async () => {
    const cache = new IdentityCache();
    const old = deferred<string>();
    const fresh = deferred<string>();
    const before = cache.get('id', 'x', () => old.promise);
    cache.forgetIdentity('id');
    const after = cache.get('id', 'x', () => fresh.promise);
    fresh.resolve('new');
    await new Promise((resolve) => setImmediate(resolve));
    // The old load ends last: it neither overwrites the new answer nor ends the new load's turn.
    old.resolve('old');
    expect(await after).toBe('new');
    expect(await before).toBe('old');
    expect(cache.peek('id', 'x')).toBe('new');
    expect(await cache.get('id', 'x', async () => 'a third load')).toBe('new');
  });

  it('drops a background refresh of a stale answer that ends after the forget', async () => {
    let now = 0;
    const cache = new IdentityCache({ freshMs: 1000, now: () => now });
    await cache.get('id', 'x', async () => 'v1');
    now = 2000;
    const refresh = deferred<string>();
    expect(await cache.get('id', 'x', () => refresh.promise)).toBe('v1');
    cache.forgetIdentity('id');
    refresh.resolve('v2 read with the old token');
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.peek('id', 'x')).toBeUndefined();
  });

  it('drops the nested loads of a disowned load too', async () => {
    const cache = new IdentityCache();
    const inner = deferred<string>();
    const outer = cache.get('id', 'find', async () => {
      const extensions = await cache.get('id', 'extensions', () => inner.promise);
      return `found in ${extensions}`;
    });
    await new Promise((resolve) => setImmediate(resolve));
    cache.forgetIdentity('id');
    inner.resolve('the list');
    expect(await outer).toBe('found in the list');
    expect(cache.countOf('id')).toBe(0);
  });

  it('leaves other identities, and their loads in flight, untouched', async () => {
    const cache = new IdentityCache();
    await cache.get(
      'acct:101:admin',
      'numbers',
      async () => 'john',
      () => 1000,
    );
    await cache.get(
      'acct:104:user',
      'numbers',
      async () => 'ana',
      () => 1000,
    );
    const johnSlow = deferred<string>();
    const anaSlow = deferred<string>();
    const johnLoad = cache.get(
      'acct:101:admin',
      'find',
      () => johnSlow.promise,
      () => 500,
    );
    const anaLoad = cache.get(
      'acct:104:user',
      'find',
      () => anaSlow.promise,
      () => 500,
    );
    cache.forgetIdentity('acct:104:user');
    johnSlow.resolve('john found');
    anaSlow.resolve('ana found');
    await Promise.all([johnLoad, anaLoad]);
    expect(cache.peek('acct:101:admin', 'numbers')).toBe('john');
    expect(cache.peek('acct:101:admin', 'find')).toBe('john found');
    expect(cache.countOf('acct:104:user')).toBe(0);
    // Only John's two answers are counted against the size bound.
    expect(cache.size).toBe(2);
    expect(cache.totalBytes).toBe(1500);
  });

  it('stores loads started after the forget once the disowned ones are done', async () => {
    const cache = new IdentityCache();
    const slow = deferred<string>();
    const disowned = cache.get('id', 'x', () => slow.promise);
    cache.forgetIdentity('id');
    slow.resolve('old');
    await disowned;
    // Forgetting again with nothing in flight, then loading, stores as usual.
    cache.forgetIdentity('id');
    expect(
      await cache.get(
        'id',
        'x',
        async () => 'new',
        () => 100,
      ),
    ).toBe('new');
    expect(cache.peek('id', 'x')).toBe('new');
    expect(cache.totalBytes).toBe(100);
  });

  it('drops expired entries nobody asks for again, so they leave the heap', async () => {
    let now = 1_000_000;
    const cache = new IdentityCache({ now: () => now, freshMs: 1_000, staleMs: 10_000 });
    for (let i = 0; i < 50; i++) await cache.get(`acct:${i}:user`, 'numbers', async () => [i]);
    expect(cache.size).toBe(50);
    now += 70_000;
    // Any later question sweeps what expired, not only the entry it asks for.
    await cache.get('acct:new:user', 'numbers', async () => ['fresh']);
    expect(cache.size).toBe(1);
    expect(cache.countOf('acct:3:user')).toBe(0);
  });

  it('sizes an answer by what it holds, a shared part counted once', async () => {
    const cache = new IdentityCache();
    const owner = { id: '1', name: 'Owner with a name', email: 'owner@example.com' };
    const numbers = Array.from({ length: 2000 }, (_, i) => ({ e164: `+1650${i}`, owner }));
    await cache.get('a', 'shared', async () => numbers);
    const shared = cache.totalBytes;
    await cache.get('b', 'copies', async () => numbers.map((n) => ({ ...n, owner: { ...owner } })));
    expect(shared).toBeGreaterThan(2000 * 50);
    expect(cache.totalBytes - shared).toBeGreaterThan(shared * 2);
  });
});
