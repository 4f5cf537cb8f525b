// The bench's measuring run on a tiny company: proves requests are counted per lookup (cold,
// warm, naive), the memory run stays within its cache limit, and the ack run answers every
// command of both apps. No timing is asserted.
import { type BenchOptions, runBench } from '../../bench/run-bench';

const EXTENSIONS = 40;

const OPTIONS: BenchOptions = {
  company: { seed: 'bench-smoke', extensions: EXTENSIONS, numbers: 80 },
  runs: 4,
  coldRuns: { min: 2, budgetMs: 2_000 },
  naiveLookups: 1,
  naiveConcurrency: 2,
  memoryIdentities: 5,
  // 0.05 MB holds only a couple of the 40-extension listings: the bound must show.
  memoryLimitsMb: [null, 0.05],
  memoryConcurrency: 2,
  prefixSweep: 5,
  memoryReleaseWaitMs: 0,
  ackLoad: {
    users: 3,
    rounds: 1,
    coldSpacingMs: 5,
    probeIntervalMs: 50,
    roundMs: 300,
    answerTimeoutMs: 20_000,
  },
};

describe('bench on a tiny company', () => {
  let result: Awaited<ReturnType<typeof runBench>>;

  beforeAll(async () => {
    result = await runBench(OPTIONS);
  }, 120_000);

  it('measures an administrator and a regular user on every kind', () => {
    expect(result.identities.map((identity) => identity.isAdmin)).toEqual([true, false]);
    for (const identity of result.identities) {
      expect(identity.kinds.map((kind) => kind.kind)).toEqual(['full', 'prefix', 'ext', 'find']);
      for (const kind of identity.kinds) {
        expect(kind.errors).toEqual([]);
        expect(kind.cold.runs).toBeGreaterThanOrEqual(2);
        expect(kind.cold.requestsMin).toBeGreaterThan(0);
      }
    }
  });

  it('counts no RingCentral request for a repeated lookup on a warm cache', () => {
    for (const identity of result.identities) {
      for (const kind of identity.kinds) expect(kind.warmRepeat.requestsMax).toBe(0);
    }
  });

  it('counts the admin cold full-number lookup as at most two requests besides the account', () => {
    const full = result.identities[0]?.kinds.find((kind) => kind.kind === 'full')?.cold;
    expect(full?.accountReadsMean).toBeLessThanOrEqual(1);
    expect(full?.withoutAccountMax).toBeLessThanOrEqual(2);
    expect(result.targets.find((t) => t.target.startsWith('admin cold'))?.met).toBe(true);
  });

  it('counts one naive request per extension plus the extension listing', () => {
    expect(result.naive.found).toBe(1);
    expect(result.naive.summary.requestsMin).toBe(EXTENSIONS + 1);
    expect(result.naive.summary.byGroupMean.Light).toBe(EXTENSIONS);
  });

  it('keeps the memory run within the cache limit', () => {
    const [unbounded, small] = result.memory;
    expect(unbounded?.identities).toBe(5);
    expect(unbounded?.cache.identitiesHeld).toBe(5);
    expect(small?.cache.totalBytes).toBeLessThanOrEqual(small?.maxBytes ?? 0);
    expect(small?.cache.identitiesHeld).toBeLessThan(5);
    expect(unbounded?.calibration).not.toBeNull();
    expect(small?.calibration).toBeNull();
    // The administrator's prefix sweep runs once, on the first run's cache.
    expect(unbounded?.swept?.prefixes).toBe(5);
    expect(small?.swept).toBeNull();
    expect(result.targets.filter((t) => t.target.startsWith('memory'))).toHaveLength(2);
  });

  it('sends the same commands to rcnumber and a bare Bolt app, and every one is answered', () => {
    const { ackLoad } = result;
    expect(ackLoad.coldAcks.product.count).toBe(3);
    expect(ackLoad.coldAcks.bare.count).toBe(3);
    expect(ackLoad.product.count).toBe(ackLoad.bare.count);
    expect(ackLoad.product.count).toBeGreaterThan(3);
    expect(ackLoad.answered).toBe(ackLoad.commands);
    expect(ackLoad.failures).toEqual([]);
    expect(ackLoad.eventLoop.maxMs).toEqual(expect.any(Number));
    expect(result.targets.find((t) => t.target.endsWith('every command answered'))?.met).toBe(true);
  });
});
