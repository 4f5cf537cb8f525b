/**
 * The strategy the directory replaces, measured for comparison: to find who owns a number, list
 * every extension, then read each extension's phone numbers. It makes one request per extension
 * on every lookup, which RingCentral's per-user limits (Light: 50 a minute) turn into hours.
 * Requests go out `concurrency` at a time so the measured time is not merely sequential latency;
 * the scan does not stop at the first match, as the owner may be anywhere in the list.
 */
import type { AccountApi } from '../src/ringcentral/account-api';
import type { LinkedMember } from './bench-stack';
import type { RemoteSandbox } from './remote-sandbox';
import { type Sample, type SampleSummary, summarise } from './stats';

export interface NaiveResult {
  who: string;
  isAdmin: boolean;
  concurrency: number;
  /** How many of the looked-up numbers the scan found an owner for. */
  found: number;
  summary: SampleSummary;
}

async function naiveOwnerOf(api: AccountApi, e164: string, concurrency: number) {
  const extensions = await api.allExtensions();
  let owner: string | null = null;
  let next = 0;
  const worker = async () => {
    while (next < extensions.length) {
      const extension = extensions[next++];
      if (!extension) continue;
      const numbers = await api.extensionNumbers(String(extension.id));
      if (numbers.some((number) => number.phoneNumber === e164)) owner = String(extension.id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return owner;
}

export async function measureNaive(
  sandbox: RemoteSandbox,
  member: LinkedMember,
  numbers: string[],
  concurrency: number,
): Promise<NaiveResult> {
  const samples: Sample[] = [];
  let found = 0;
  for (const e164 of numbers) {
    await sandbox.tally();
    const started = performance.now();
    if (await naiveOwnerOf(member.api, e164, concurrency)) found += 1;
    const ms = performance.now() - started;
    samples.push({ ms, tally: await sandbox.tally() });
  }
  return {
    who: `${member.identity.name} (ext ${member.identity.extensionNumber})`,
    isAdmin: member.identity.isAdmin,
    concurrency,
    found,
    summary: summarise(samples),
  };
}
