/**
 * The end of the test run: every request any sandbox received during it (the run-wide request
 * log, in every worker and child process) must be one RingCentral's spec allows, except those a
 * test sent breaking it on purpose, which the sandbox must have refused.
 */
import type { Sandbox } from '../../src/sandbox';
import { offenders, readRequestLog, requestChecker } from './spec-requests';

const SHOWN = 30;

export async function checkRequestLog(folder: string): Promise<number> {
  const requests = readRequestLog(folder);
  const found = offenders(await requestChecker(), requests);
  if (found.length > 0) {
    const more = found.length > SHOWN ? [`… and ${found.length - SHOWN} more`] : [];
    throw new Error(
      [
        `${found.length} of the ${requests.length} requests the sandboxes received break RingCentral's spec:`,
        ...found.slice(0, SHOWN).map((line) => `  ${line}`),
        ...more,
      ].join('\n'),
    );
  }
  return requests.length;
}

/** At once, for one harness: its sandbox refused nothing the app sent for breaking the spec. */
export function expectNoSpecViolations(sandbox: Sandbox): void {
  const broken = sandbox.specViolations();
  if (broken.length === 0) return;
  const list = broken.map(
    (r) => `  ${r.method} ${r.path}?${r.query}: ${r.specProblems?.join('; ')}`,
  );
  throw new Error(`The app sent requests RingCentral's spec rules out:\n${list.join('\n')}`);
}
