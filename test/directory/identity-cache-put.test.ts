// Values put into the cache without a load (presence read in batches): each kept for its own time
// to live, counted as no lookup, and bound to its identity and to the link it was read under.
import { IdentityCache } from '../../src/directory/identity-cache';

const ADMIN = 'acct:1:admin';
const USER = 'acct:1:user';
const KEEP = { ttlMs: 20_000, bytes: 160 };

function clocked() {
  let now = 1_000_000;
  const cache = new IdentityCache({ freshMs: 1000, staleMs: 10_000, now: () => now });
  return { cache, tick: (ms: number) => (now += ms) };
}

function gate() {
  let open: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { closed, open };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('IdentityCache.putting', () => {
  it('keeps each value for its own time to live, whatever the cache’s fresh and stale times', async () => {
    const { cache, tick } = clocked();
    await cache.putting(USER, async (put) => {
      put('short', 'a', { ttlMs: 500, bytes: 10 });
      put('long', 'b', KEEP);
    });
    tick(500);
    expect(cache.peek(USER, 'short')).toBe('a');
    tick(1);
    expect(cache.peek(USER, 'short')).toBeUndefined();
    // Past the cache's stale limit (10 s), within its own 20 s.
    tick(14_000);
    expect(cache.peek(USER, 'long')).toBe('b');
    tick(5_500);
    expect(cache.peek(USER, 'long')).toBeUndefined();
    expect(cache.countOf(USER)).toBe(0);
  });

  it('counts no cache hit or miss, and is held to the memory bound by its size', async () => {
    const { cache } = clocked();
    await cache.putting(USER, async (put) => {
      for (let i = 0; i < 60; i++) put(`p@${i}`, { status: 'Available' }, KEEP);
    });
    expect(cache.peek(USER, 'p@59')).toEqual({ status: 'Available' });
    expect(cache.lookups).toEqual({ hits: 0, misses: 0 });
    expect(cache.totalBytes).toBe(60 * 160);
  });

  it('never lets one identity read what was put for another', async () => {
    const { cache } = clocked();
    await cache.putting(ADMIN, async (put) => put('presence@7', 'admin view', KEEP));
    await cache.putting(USER, async (put) => put('presence@7', 'user view', KEEP));
    expect(cache.peek(ADMIN, 'presence@7')).toBe('admin view');
    expect(cache.peek(USER, 'presence@7')).toBe('user view');
    expect(cache.peek('acct:2:user', 'presence@7')).toBeUndefined();
    cache.forgetIdentity(ADMIN);
    expect(cache.peek(ADMIN, 'presence@7')).toBeUndefined();
    expect(cache.peek(USER, 'presence@7')).toBe('user view');
  });

  it('is dropped with its identity by forgetIdentity', async () => {
    const { cache } = clocked();
    await cache.putting(USER, async (put) => put('presence@7', 'busy', KEEP));
    cache.forgetIdentity(USER);
    expect(cache.peek(USER, 'presence@7')).toBeUndefined();
    expect(cache.countOf(USER)).toBe(0);
  });

  it('stores nothing read before forgetIdentity, even when put after it', async () => {
    const { cache } = clocked();
    const answer = gate();
    const reading = cache.putting(USER, async (put) => {
      put('before', 'old link', KEEP);
      await answer.closed;
      // RingCentral answered the request sent with the old link's token.
      put('after', 'old link', KEEP);
      return 'answered';
    });
    await turn();
    cache.forgetIdentity(USER);
    answer.open();
    expect(await reading).toBe('answered');
    expect(cache.peek(USER, 'before')).toBeUndefined();
    expect(cache.peek(USER, 'after')).toBeUndefined();
    // A read begun after the forget stores again.
    await cache.putting(USER, async (put) => put('after', 'new link', KEEP));
    expect(cache.peek(USER, 'after')).toBe('new link');
  });

  it('is not fooled by a load of the same identity that ends meanwhile', async () => {
    const { cache } = clocked();
    const answer = gate();
    const reading = cache.putting(USER, async (put) => {
      await answer.closed;
      put('presence@7', 'old link', KEEP);
    });
    await turn();
    cache.forgetIdentity(USER);
    // A load started and finished after the forget leaves the identity's generation behind.
    await cache.get(USER, 'numbers', async () => ['new']);
    answer.open();
    await reading;
    expect(cache.peek(USER, 'presence@7')).toBeUndefined();
    expect(cache.peek(USER, 'numbers')).toEqual(['new']);
  });

  it('refuses a put kept past its read, and a time to live that would keep it forever', async () => {
    const { cache } = clocked();
    let kept: Parameters<Parameters<IdentityCache['putting']>[1]>[0] | undefined;
    await cache.putting(USER, async (put) => {
      kept = put;
      expect(() => put('forever', 1, { ttlMs: 0, bytes: 1 })).toThrow(/ttlMs/);
    });
    cache.forgetIdentity(USER);
    expect(() => kept?.('late', 'old link', KEEP)).toThrow(/after its read ended/);
    expect(cache.countOf(USER)).toBe(0);
  });
});
