import { isAppError } from '../../src/errors';
import { RateBudget } from '../../src/ringcentral/rate-budget';

function clock() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    slept,
  };
}

describe('RateBudget', () => {
  it('lets a user spend their group’s limit, then refuses instead of risking a penalty', async () => {
    const c = clock();
    const budget = new RateBudget({ now: c.now, sleep: c.sleep });
    for (let i = 0; i < 10; i++) await budget.acquire('acct:1', 'Heavy');
    expect(budget.available('acct:1', 'Heavy')).toBe(0);
    const refused = await budget.acquire('acct:1', 'Heavy').catch((error) => error);
    expect(isAppError(refused, 'rate_limited')).toBe(true);
    expect(refused.details.retryAfterSec).toBe(61);
    // Other groups and other users are counted apart.
    expect(budget.available('acct:1', 'Light')).toBe(50);
    expect(budget.available('acct:2', 'Heavy')).toBe(10);
  });

  it('waits for room when the caller allows it, and reports the wait', async () => {
    const c = clock();
    const budget = new RateBudget({ now: c.now, sleep: c.sleep });
    for (let i = 0; i < 10; i++) await budget.acquire('u', 'Heavy');
    const waits: number[] = [];
    await budget.acquire('u', 'Heavy', { maxWaitMs: 65_000, onWait: (ms) => waits.push(ms) });
    expect(waits).toHaveLength(1);
    expect(c.now()).toBeGreaterThanOrEqual(60_000);
  });

  it('believes the server’s headers: a lower remaining count, its own limit and window', async () => {
    const c = clock();
    const budget = new RateBudget({ now: c.now, sleep: c.sleep });
    await budget.acquire('u', 'Medium');
    budget.observe(
      'u',
      'Medium',
      new Headers({
        'x-rate-limit-limit': '40',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-window': '60',
      }),
    );
    expect(budget.available('u', 'Medium')).toBe(0);
    c.advance(61_000);
    expect(budget.available('u', 'Medium')).toBe(40);
    budget.observe(
      'u',
      'Light',
      new Headers({ 'x-rate-limit-limit': '100', 'x-rate-limit-window': '30' }),
    );
    expect(budget.available('u', 'Light')).toBe(100);
  });

  it('honours Retry-After after a 429, and gives back requests RingCentral did not count', async () => {
    const c = clock();
    const budget = new RateBudget({ now: c.now, sleep: c.sleep });
    budget.block('u', 'Light', 45);
    expect(budget.delayFor('u', 'Light')).toBe(45_000);
    c.advance(45_000);
    await budget.acquire('u', 'Light');
    expect(budget.available('u', 'Light')).toBe(49);
    budget.refund('u', 'Light');
    expect(budget.available('u', 'Light')).toBe(50);
  });

  it('after a 429, Retry-After decides: the 429’s own Remaining: 0 is not a fresh window', async () => {
    const c = clock();
    const budget = new RateBudget({ now: c.now, sleep: c.sleep });
    for (let i = 0; i < 5; i++) await budget.acquire('u', 'Light');
    // What user-session does with a 429: learn its headers, then block for Retry-After.
    budget.observe(
      'u',
      'Light',
      new Headers({
        'x-rate-limit-limit': '50',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-window': '60',
        'retry-after': '20',
      }),
    );
    budget.block('u', 'Light', 20);
    c.advance(5_000);
    const early = await budget.acquire('u', 'Light').catch((error) => error);
    expect(early.details.retryAfterSec).toBe(15);
    c.advance(16_000);
    expect(budget.delayFor('u', 'Light')).toBe(0);
    await budget.acquire('u', 'Light');
    // A successful answer's headers still shape the budget.
    budget.observe('u', 'Light', new Headers({ 'x-rate-limit-remaining': '0' }));
    expect(budget.available('u', 'Light')).toBe(0);
    expect(budget.delayFor('u', 'Light')).toBeGreaterThan(59_000);
  });
});
