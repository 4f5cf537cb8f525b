/**
 * Per query kind, for one linked member: RingCentral requests and latency of the directory use
 * cases, called directly (no Slack) under the member's real `UserSession` over HTTP.
 *  - cold: every lookup gets a fresh `IdentityCache`, as after a restart or for a new user;
 *  - warm (repeat): the same queries again on a cache that has answered each of them once;
 *  - warm (fresh): new queries of the kind on that cache, whose listings are now held.
 */
import {
  type DirectoryContext,
  extensionDetails,
  findExtensions,
  IdentityCache,
  lookupNumber,
} from '../src/directory';
import type { LinkedMember } from './bench-stack';
import { QUERY_KINDS, type Queries, type QueryKind } from './queries';
import type { RemoteSandbox } from './remote-sandbox';
import { type Sample, type SampleSummary, summarise } from './stats';

type Lookup = (ctx: DirectoryContext, query: string) => Promise<unknown>;

const LOOKUPS: Record<QueryKind, Lookup> = {
  full: (ctx, query) => lookupNumber(ctx, query),
  prefix: (ctx, query) => lookupNumber(ctx, query),
  ext: (ctx, query) => extensionDetails(ctx, query),
  find: (ctx, query) => findExtensions(ctx, query),
};

export interface KindResult {
  kind: QueryKind;
  example: string;
  cold: SampleSummary;
  warmRepeat: SampleSummary;
  warmFresh: SampleSummary;
  /** Lookups that failed (all should answer; a failure is reported, not hidden). */
  errors: string[];
}

export interface IdentityResult {
  who: string;
  isAdmin: boolean;
  kinds: KindResult[];
}

async function measure(
  sandbox: RemoteSandbox,
  run: () => Promise<unknown>,
  errors: string[],
): Promise<Sample> {
  await sandbox.tally(); // start counting from zero
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  const ms = performance.now() - started;
  return { ms, tally: await sandbox.tally() };
}

export interface ColdRuns {
  /** At least this many cold lookups per kind… */
  min: number;
  /** …and more, up to every query of the set, while the kind's cold runs stay within budget. */
  budgetMs: number;
}

export async function measureIdentity(
  sandbox: RemoteSandbox,
  member: LinkedMember,
  queries: Queries,
  coldRuns: ColdRuns,
): Promise<IdentityResult> {
  const errors = new Map<QueryKind, string[]>(QUERY_KINDS.map((kind) => [kind, []]));
  const errorsOf = (kind: QueryKind) => errors.get(kind) ?? [];
  const cold = new Map<QueryKind, Sample[]>();
  for (const kind of QUERY_KINDS) {
    const samples: Sample[] = [];
    let spent = 0;
    for (const query of queries[kind].repeat) {
      // Whole-listing kinds cost the same every cold run: enough runs for a p95 suffice.
      if (samples.length >= coldRuns.min && spent > coldRuns.budgetMs) break;
      // A cold answer may start warming the listing behind it: that is not the lookup's cost,
      // and it must not land in the next sample, so it finishes (untimed) before that one.
      const behind: Promise<unknown>[] = [];
      const ctx = {
        api: member.api,
        cache: new IdentityCache(),
        background: (task: Promise<unknown>) => void behind.push(task),
      };
      const sample = await measure(sandbox, () => LOOKUPS[kind](ctx, query), errorsOf(kind));
      await Promise.allSettled(behind);
      await sandbox.tally();
      samples.push(sample);
      spent += sample.ms;
    }
    cold.set(kind, samples);
  }

  // One cache for the warm passes, as a long-running bot holds it for this identity.
  const ctx = { api: member.api, cache: new IdentityCache() };
  for (const kind of QUERY_KINDS) {
    for (const query of queries[kind].repeat) {
      await LOOKUPS[kind](ctx, query).catch(() => undefined);
    }
  }
  const pass = async (pick: 'repeat' | 'fresh') => {
    const byKind = new Map<QueryKind, Sample[]>();
    for (const kind of QUERY_KINDS) {
      const samples: Sample[] = [];
      for (const query of queries[kind][pick]) {
        samples.push(await measure(sandbox, () => LOOKUPS[kind](ctx, query), errorsOf(kind)));
      }
      byKind.set(kind, samples);
    }
    return byKind;
  };
  const repeat = await pass('repeat');
  const fresh = await pass('fresh');

  return {
    who: `${member.identity.name} (ext ${member.identity.extensionNumber})`,
    isAdmin: member.identity.isAdmin,
    kinds: QUERY_KINDS.map((kind) => ({
      kind,
      example: queries[kind].repeat[0] ?? '',
      cold: summarise(cold.get(kind) ?? []),
      warmRepeat: summarise(repeat.get(kind) ?? []),
      warmFresh: summarise(fresh.get(kind) ?? []),
      errors: errorsOf(kind),
    })),
  };
}
