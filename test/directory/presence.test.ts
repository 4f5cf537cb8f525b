// The presence use case on its own: batches of at most 30, a brief cache per identity in which
// each answer lasts its own 20 seconds, and only what RingCentral really tells (never a hidden or
// withheld one).
import { IdentityCache } from '../../src/directory';
import type { DirectoryContext } from '../../src/directory/context';
import { PRESENCE_FRESH_MS, presenceCandidates, presenceOf } from '../../src/directory/presence';
import { AppError } from '../../src/errors';
import type { ExtensionSummary } from '../../src/model';
import type { AccountApi } from '../../src/ringcentral/account-api';
import type { BatchPart, PresenceRecord } from '../../src/ringcentral/types';

const AVAILABLE: PresenceRecord = {
  presenceStatus: 'Available',
  userStatus: 'Available',
  dndStatus: 'TakeAllCalls',
  telephonyStatus: 'NoCall',
  allowSeeMyPresence: true,
};

function context(options: {
  extensionId?: string;
  isAdmin?: boolean;
  answer?: (ids: string[]) => Array<BatchPart<PresenceRecord>>;
  fail?: AppError;
  /** Holds every request until it settles. */
  gate?: Promise<void>;
}) {
  let clock = 1_000_000_000_000;
  const asked: string[][] = [];
  const extensionId = options.extensionId ?? '1';
  const api = {
    http: {
      identity: { extensionId, isAdmin: options.isAdmin ?? false },
      identityKey: `A:${extensionId}:${options.isAdmin ? 'admin' : 'user'}`,
    },
    async presence(ids: string[]) {
      asked.push(ids);
      await options.gate;
      if (options.fail) throw options.fail;
      return options.answer?.(ids) ?? ids.map(() => ({ status: 200, body: AVAILABLE }));
    },
  } as unknown as AccountApi;
  const cache = new IdentityCache({ now: () => clock });
  const ctx: DirectoryContext = { api, cache };
  return { ctx, asked, tick: (ms: number) => (clock += ms), cache };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));

describe('presenceOf', () => {
  it('asks at most 30 extensions a request, and answers each', async () => {
    const { ctx, asked } = context({});
    const answer = await presenceOf(ctx, ids(65));
    expect(asked.map((batch) => batch.length)).toEqual([30, 30, 5]);
    expect(answer.byId.size).toBe(65);
    expect(answer.byId.get('1000')).toEqual({ status: 'Available', onCall: false });
  });

  it('reuses each answer for its own 20 seconds, for that identity only', async () => {
    const { ctx, asked, tick, cache } = context({});
    await presenceOf(ctx, ['7', '8']);
    tick(15_000);
    await presenceOf(ctx, ['7', '8', '9']);
    expect(asked).toEqual([['7', '8'], ['9']]);
    const other = context({ extensionId: '2' });
    // Another identity shares the cache, never its answers.
    await presenceOf({ ...other.ctx, cache }, ['7']);
    expect(other.asked).toEqual([['7']]);
    // 7 was read 21 s ago and is asked again; 9, read 6 s ago, is still reused.
    tick(6_000);
    await presenceOf(ctx, ['7', '9']);
    expect(asked.at(-1)).toEqual(['7']);
    tick(PRESENCE_FRESH_MS + 1);
    await presenceOf(ctx, ['7', '9']);
    expect(asked.at(-1)).toEqual(['7', '9']);
  });

  it('shows nothing RingCentral withholds, hides, or refuses', async () => {
    const { ctx } = context({
      answer: (asked) =>
        asked.map((id) => {
          if (id === '10')
            return { status: 200, body: { ...AVAILABLE, allowSeeMyPresence: false } };
          // What RingCentral answers for a person it does not tell about: no statuses.
          if (id === '11') return { status: 200, body: { presenceStatus: 'Offline' } };
          if (id === '12') return { status: 404, body: null };
          if (id === '13') return { status: 200, body: { ...AVAILABLE, presenceStatus: 'Gone' } };
          return { status: 200, body: { ...AVAILABLE, telephonyStatus: 'OnHold' } };
        }),
    });
    const answer = await presenceOf(ctx, ['10', '11', '12', '13', '14']);
    expect([...answer.byId.entries()]).toEqual([['14', { status: 'Available', onCall: true }]]);
  });

  it('always shows one’s own presence, even hidden from others', async () => {
    const { ctx } = context({
      extensionId: '10',
      answer: () => [{ status: 200, body: { ...AVAILABLE, allowSeeMyPresence: false } }],
    });
    expect((await presenceOf(ctx, ['10'])).byId.get('10')).toEqual({
      status: 'Available',
      onCall: false,
    });
  });

  it('reads Do not disturb from either DND field', async () => {
    const { ctx } = context({
      answer: (asked) =>
        asked.map((id) => ({
          status: 200,
          body:
            id === '1'
              ? { ...AVAILABLE, presenceStatus: 'Busy', dndStatus: 'DoNotAcceptAnyCalls' }
              : { ...AVAILABLE, dndStatusPersonal: 'DoNotAcceptAnyCalls' },
        })),
    });
    const answer = await presenceOf(ctx, ['1', '2']);
    expect(answer.byId.get('1')?.status).toBe('DoNotDisturb');
    expect(answer.byId.get('2')?.status).toBe('DoNotDisturb');
  });

  it('remembers a refusal for 20 seconds, and never throws', async () => {
    const refused = context({ fail: new AppError('forbidden', 'CMN-401') });
    expect(await presenceOf(refused.ctx, ['1'])).toEqual({ byId: new Map(), refused: true });
    expect(await presenceOf(refused.ctx, ['2'])).toEqual({ byId: new Map(), refused: false });
    expect(refused.asked).toEqual([['1']]);
    refused.tick(PRESENCE_FRESH_MS + 1);
    expect(await presenceOf(refused.ctx, ['2'])).toEqual({ byId: new Map(), refused: true });
    expect(refused.asked).toEqual([['1'], ['2']]);
    const down = context({ fail: new AppError('rate_limited', 'CMN-301') });
    expect((await presenceOf(down.ctx, ['1'])).byId.size).toBe(0);
    await presenceOf(down.ctx, ['1']);
    // A passing failure is not remembered.
    expect(down.asked).toEqual([['1'], ['1']]);
  });
});

describe('presence in the cache', () => {
  it('is stored without counting a cache lookup, hit or miss', async () => {
    const { ctx, cache, asked } = context({});
    await presenceOf(ctx, ids(65));
    await presenceOf(ctx, ids(65));
    expect(asked).toHaveLength(3);
    expect(cache.lookups).toEqual({ hits: 0, misses: 0 });
    expect(cache.countOf('A:1:user')).toBe(65);
  });

  it('keeps nothing read under a link forgotten while the request ran', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { ctx, cache, asked } = context({ gate });
    const reading = presenceOf(ctx, ['7', '8']);
    await new Promise((resolve) => setImmediate(resolve));
    // Unlinked (or relinked) while RingCentral answered the old token.
    cache.forgetIdentity('A:1:user');
    release();
    // The asker still gets the answer they asked for; nothing of it is kept.
    expect((await reading).byId.size).toBe(2);
    expect(cache.countOf('A:1:user')).toBe(0);
    await presenceOf(ctx, ['7']);
    expect(asked).toEqual([['7', '8'], ['7']]);
  });
});

test('presence is asked only for users of the viewer’s own account', () => {
  const person = (id: string, extra: Partial<ExtensionSummary> = {}): ExtensionSummary => ({
    id,
    extensionNumber: id,
    name: id,
    type: 'User',
    status: 'Enabled',
    email: null,
    ...extra,
  });
  expect(
    presenceCandidates([
      person('1'),
      person('1'),
      person('2', { type: 'Department' }),
      person('3', { accountName: 'MyCompany West' }),
      person('4,5'),
      null,
      person('6'),
    ]),
  ).toEqual(['1', '6']);
});
