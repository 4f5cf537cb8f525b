/**
 * The whole bench, as data: per query kind for an administrator and a regular user, the naive
 * strategy for comparison, and the memory of many users' caches. `main.ts` prints and saves it;
 * the smoke test runs it on a tiny company.
 */
import type { GenerateCompanyOptions } from '../src/sandbox';
import { type AckLoadOptions, type AckLoadResult, measureAckLoad } from './ack-load';
import { startBenchStack } from './bench-stack';
import { type ColdRuns, type IdentityResult, measureIdentity } from './measure-kinds';
import type { MemoryResult } from './memory';
import { measureNaive, type NaiveResult } from './naive';
import { chooseQueries, sweepPrefixes } from './queries';
import { runMemoryProcess } from './run-memory';
import { checkTargets, type TargetCheck } from './targets';

export interface BenchOptions {
  company: GenerateCompanyOptions;
  /** Queries per kind (warm runs, and cold runs of cheap kinds). */
  runs: number;
  coldRuns: ColdRuns;
  naiveLookups: number;
  naiveConcurrency: number;
  memoryIdentities: number;
  /** One memory run per limit, in MB; null keeps the app's default limit. */
  memoryLimitsMb: Array<number | null>;
  memoryConcurrency: number;
  /** Distinct prefixes the administrator sweeps after the first memory run's warm-up. */
  prefixSweep: number;
  /** How long a memory snapshot waits for V8 to release the pages its collection freed. */
  memoryReleaseWaitMs: number;
  ackLoad: AckLoadOptions;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  company: { seed: 'rcnumber-bench', extensions: 10_000, numbers: 20_000 },
  runs: 20,
  coldRuns: { min: 10, budgetMs: 8_000 },
  naiveLookups: 3,
  naiveConcurrency: 8,
  memoryIdentities: 200,
  memoryLimitsMb: [null, 32],
  memoryConcurrency: 4,
  prefixSweep: 400,
  memoryReleaseWaitMs: 2_000,
  ackLoad: {
    users: 20,
    rounds: 3,
    coldSpacingMs: 10,
    probeIntervalMs: 50,
    roundMs: 6000,
    answerTimeoutMs: 60_000,
  },
};

export interface BenchResult {
  startedAt: string;
  node: string;
  company: GenerateCompanyOptions & { name: string };
  identities: IdentityResult[];
  naive: NaiveResult;
  memory: MemoryResult[];
  ackLoad: AckLoadResult;
  targets: TargetCheck[];
  seconds: number;
}

export async function runBench(
  options: BenchOptions,
  log: (line: string) => void = () => undefined,
): Promise<BenchResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { extensions, numbers } = options.company;
  log(`Generating ${extensions} extensions and ${numbers} numbers in the sandbox…`);
  const stack = await startBenchStack(options.company);
  try {
    const { sample } = stack.sandbox;
    const adminPerson = sample.people.find((p) => p.isAdmin);
    const regularPerson = sample.people.find((p) => !p.isAdmin);
    if (!adminPerson || !regularPerson) throw new Error('the company needs an admin and a user');
    const admin = await stack.link(adminPerson.email);
    const regular = await stack.link(regularPerson.email);
    const queries = chooseQueries(sample, options.runs);

    const identities: IdentityResult[] = [];
    for (const member of [admin, regular]) {
      log(`Measuring lookups as ${member.identity.name} (${roleOf(member.identity.isAdmin)})…`);
      identities.push(await measureIdentity(stack.sandbox, member, queries, options.coldRuns));
    }

    log(
      `Measuring acks under cold load (${options.ackLoad.users} cold users × ${options.ackLoad.rounds} rounds)…`,
    );
    const ackLoad = await measureAckLoad(stack.sandbox, options.ackLoad);

    log(`Measuring the naive strategy (${options.naiveLookups} lookups)…`);
    const ownedNumbers = sample.ownedNumbers.slice(0, options.naiveLookups);
    const naive = await measureNaive(stack.sandbox, admin, ownedNumbers, options.naiveConcurrency);

    const memory: MemoryResult[] = [];
    const others = sample.people.filter((p) => p !== adminPerson && p !== regularPerson);
    const who = others.slice(0, options.memoryIdentities).map((p) => p.email);
    for (const [index, limitMb] of options.memoryLimitsMb.entries()) {
      log(`Warming ${who.length} users' caches (limit ${limitMb ?? 'default'} MB)…`);
      memory.push(
        await runMemoryProcess({
          sandbox: {
            url: stack.sandbox.url,
            clientId: stack.sandbox.clientId,
            clientSecret: stack.sandbox.clientSecret,
          },
          who,
          maxBytes: limitMb === null ? undefined : Math.round(limitMb * 1024 * 1024),
          concurrency: options.memoryConcurrency,
          findText: queries.find.repeat[0] ?? 'a',
          calibrate: index === 0,
          prefix: queries.prefix.repeat[0] ?? '650',
          releaseWaitMs: options.memoryReleaseWaitMs,
          prefixSweep:
            index === 0
              ? { who: adminPerson.email, prefixes: sweepPrefixes(sample, options.prefixSweep) }
              : null,
        }),
      );
    }

    return {
      startedAt,
      node: process.version,
      company: { ...options.company, name: sample.companyName },
      identities,
      naive,
      memory,
      ackLoad,
      targets: checkTargets(identities, memory, ackLoad),
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    };
  } finally {
    await stack.close();
  }
}

export function roleOf(isAdmin: boolean): string {
  return isAdmin ? 'administrator' : 'regular user';
}
