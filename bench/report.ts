/** The bench's result as readable text for stdout. */
import type { AckLoadResult, AckSummary } from './ack-load';
import type { IdentityResult } from './measure-kinds';
import type { MemoryResult } from './memory';
import type { NaiveResult } from './naive';
import { type BenchResult, roleOf } from './run-bench';
import type { SampleSummary } from './stats';
import { count, ms, seconds, textTable } from './text-table';

function requests(summary: SampleSummary): string {
  const { requestsMin: min, requestsMax: max, accountReadsMean: account } = summary;
  const range = min === max ? count(min) : `${count(min)}–${count(max)}`;
  return account > 0 ? `${range} (${count(account)} acct)` : range;
}

function rateWait(summary: SampleSummary): string {
  return summary.rateLimitWaitSec > 0 ? `≥ ${seconds(summary.rateLimitWaitSec)}` : '0 s';
}

function identityTable(identity: IdentityResult): string[] {
  const headers = [
    'kind',
    'example',
    'cold runs',
    'cold req',
    'cold p50',
    'cold p95',
    'wait @RC',
    'warm req',
    'warm p50',
    'warm p95',
    'new req',
    'new p50',
    'new p95',
  ];
  const rows = identity.kinds.map((kind) => [
    kind.kind,
    kind.example,
    String(kind.cold.runs),
    requests(kind.cold),
    ms(kind.cold.p50Ms),
    ms(kind.cold.p95Ms),
    rateWait(kind.cold),
    requests(kind.warmRepeat),
    ms(kind.warmRepeat.p50Ms),
    ms(kind.warmRepeat.p95Ms),
    requests(kind.warmFresh),
    ms(kind.warmFresh.p50Ms),
    ms(kind.warmFresh.p95Ms),
  ]);
  const errors = identity.kinds.flatMap((kind) => kind.errors.map((e) => `  ! ${kind.kind}: ${e}`));
  return [`${identity.who}, ${roleOf(identity.isAdmin)}`, ...textTable(headers, rows), ...errors];
}

function naiveTable(naive: NaiveResult, identities: IdentityResult[]): string[] {
  const ours = identities
    .find((identity) => identity.isAdmin === naive.isAdmin)
    ?.kinds.find((kind) => kind.kind === 'full')?.cold;
  const rows = [
    [
      'naive: every extension, then its numbers',
      String(naive.summary.runs),
      requests(naive.summary),
      ms(naive.summary.p50Ms),
      ms(naive.summary.p95Ms),
      rateWait(naive.summary),
    ],
  ];
  if (ours) {
    rows.push([
      'rcnumber, cold cache',
      String(ours.runs),
      requests(ours),
      ms(ours.p50Ms),
      ms(ours.p95Ms),
      rateWait(ours),
    ]);
  }
  return [
    `Who owns a number, as ${naive.who} (${naive.summary.byGroupMean.Light} Light + ${naive.summary.byGroupMean.Medium} Medium requests per naive lookup, ${naive.concurrency} in flight; owner found ${naive.found}/${naive.summary.runs})`,
    ...textTable(['strategy', 'lookups', 'req/lookup', 'p50', 'p95', 'wait @RC'], rows),
  ];
}

function memoryTable(memory: MemoryResult[]): string[] {
  const rows = memory.map((run) => [
    run.maxBytesMb === null ? 'default' : `${run.maxBytesMb} MB`,
    String(run.identities),
    `${run.beforeLinking.rssMb} MB`,
    `${run.linked.rssMb} MB`,
    `${run.warmed.rssMb} MB`,
    `${run.linked.heapUsedMb} MB`,
    `${run.warmed.heapUsedMb} MB`,
    `${run.warmed.heapTotalMb} MB`,
    `${run.cache.totalBytesMb} MB`,
    String(run.cache.entries),
    String(run.cache.identitiesHeld),
    `${run.warmSeconds} s`,
    run.swept ? `${run.swept.rssMb} MB (${run.swept.cacheMb} MB)` : '–',
  ]);
  const calibration = memory.find((run) => run.calibration)?.calibration;
  const lines = [
    `Memory: ${memory[0]?.identities ?? 0} linked users, each warming its own extension listing (find) in one shared IdentityCache`,
    ...textTable(
      [
        'cache limit',
        'users',
        'RSS start',
        'RSS linked',
        'RSS warmed',
        'heap linked',
        'heap warmed',
        'heap total',
        'totalBytes',
        'entries',
        'users held',
        'warm time',
        'RSS swept (cache)',
      ],
      rows,
    ),
  ];
  if (calibration) {
    lines.push(
      calibration.isAdmin
        ? `One administrator's listings, cache estimate vs heap held: numbers ${calibration.numbers.estimatedMb} MB vs ${calibration.numbers.heapMb} MB; extensions ${calibration.extensions.estimatedMb} MB vs ${calibration.extensions.heapMb} MB`
        : `One regular user's directory listing (numbers, extensions, what find searches), cache estimate vs heap held: ${calibration.numbers.estimatedMb} MB vs ${calibration.numbers.heapMb} MB`,
    );
  }
  return lines;
}

function ackTable(ack: AckLoadResult): string[] {
  const row = (who: string, all: AckSummary, cold: AckSummary) => [
    who,
    String(all.count),
    ms(all.p50Ms),
    ms(all.p99Ms),
    ms(all.maxMs),
    ms(cold.p50Ms),
    ms(cold.p99Ms),
  ];
  return [
    `Ack under cold load: ${ack.users} regular users asking cold, ${ack.rounds} rounds; rcnumber and a bare Bolt app get the same signed commands (ratio of p99s ${ack.ratio}×)`,
    ...textTable(
      ['app', 'commands', 'ack p50', 'ack p99', 'ack max', 'cold-burst p50', 'cold-burst p99'],
      [
        row('rcnumber', ack.product, ack.coldAcks.product),
        row('bare Bolt', ack.bare, ack.coldAcks.bare),
      ],
    ),
    `rcnumber answered ${ack.answered} of ${ack.commands}; a cold user's first answer p50 ${ms(ack.coldAnswer.p50Ms)}, p99 ${ms(ack.coldAnswer.p99Ms)}; event-loop delay (its /metrics) p99 ${ack.eventLoop.p99Ms} ms, max ${ack.eventLoop.maxMs} ms`,
    ...ack.failures.map((failure) => `  ! ${failure}`),
  ];
}

const NOTES = [
  'Notes',
  '  req: RingCentral requests per lookup counted by the sandbox (min–max); "acct" is the account read (GET /account/~),',
  '       which gives the home country needed to parse a number; it is made once per cold cache and then reused.',
  '  cold: fresh cache per lookup. warm: the same queries again on a warmed cache. new: new queries of the kind on it.',
  "  wait @RC: the least a cold lookup must wait at RingCentral's published per-user limits",
  '       (Light 50, Medium 40, Heavy 10 per minute); the sandbox limits are off so the bench measures the strategy.',
  '  Memory: snapshots after a full GC and 2 s for V8 to hand the freed pages back. RSS start: app pieces loaded;',
  '       linked: each user linked by OAuth; warmed: every user found once (directories read on the listing worker,',
  '       as in the app). "heap warmed" is what stays; RSS also holds heap V8 keeps ("heap total") and the',
  '       listing worker thread, so it grows even when the cache is small.',
  '       RSS swept: after an administrator then asked 400 distinct prefixes on the same cache (each its own entry).',
  '  Ack under cold load: each round, 20 new regular users ask a number (10 ms apart, to both apps); until their',
  '       answers are in and at least 6 s have passed, both apps get `help` every 50 ms. ack: until the HTTP answer;',
  '       cold-burst: the 20 first commands alone. Every app runs in its own process, as does the sandbox.',
];

export function renderReport(result: BenchResult): string {
  const { company } = result;
  const lines = [
    `rcnumber bench: ${company.name}, ${count(company.extensions)} extensions, ${count(company.numbers)} numbers (${result.node}, ${result.seconds} s)`,
    '',
    ...result.identities.flatMap((identity) => [...identityTable(identity), '']),
    ...naiveTable(result.naive, result.identities),
    '',
    ...memoryTable(result.memory),
    '',
    ...ackTable(result.ackLoad),
    '',
    'Targets',
    ...result.targets.map(
      (check) => `  [${check.met ? 'met' : 'MISSED'}] ${check.target}: ${check.measured}`,
    ),
    '',
    ...NOTES,
  ];
  return `${lines.join('\n')}\n`;
}
