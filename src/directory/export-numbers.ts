import { isAppError } from '../errors';
import type { NumberInfo, NumbersExport } from '../model';
import { type DirectoryContext, LISTING_WAIT_MS, viewerOf } from './context';
import { ringCentralE164 } from './convert';
import { visibleNumbers } from './listings';

/**
 * Features come only with each extension's own number list (the account-wide lists carry none):
 * one Light request per extension. Past this many, at RingCentral's 50 a minute, an export would
 * take over half an hour, so it leaves features out and says why.
 */
export const MAX_FEATURE_READS = 1500;

/**
 * `export numbers`: every number the asker's own token may see, as the look-ups see them. An
 * admin's listing is the account's number list (usage, owner), with each owner's own list read
 * for the numbers' features, paced by the rate budget and reported as progress; a regular
 * user's is the company directory plus their own numbers, as RingCentral shows regular users.
 */
export async function exportNumbers(ctx: DirectoryContext): Promise<NumbersExport> {
  const viewer = viewerOf(ctx);
  const span = viewer.isAdmin ? 0.3 : 1;
  const listing = await visibleNumbers({ ...ctx, onProgress: part(ctx, 0, span) });
  const numbers = listing.index.all().map((entry) => entry.value);
  if (!viewer.isAdmin) return { viewer, numbers, featuresLeftOut: null };
  const owners = [...new Set(numbers.flatMap((n) => (n.owner ? [n.owner.id] : [])))];
  if (owners.length > MAX_FEATURE_READS) {
    return {
      viewer,
      numbers,
      featuresLeftOut: `Features are left out: they take one request for each of the ${owners.length.toLocaleString('en-US')} extensions with numbers, over half an hour at RingCentral's rate limit.`,
    };
  }
  const features = new Map<string, string[]>();
  for (const [index, ownerId] of owners.entries()) {
    try {
      const records = await ctx.api.extensionNumbers(ownerId, { maxWaitMs: LISTING_WAIT_MS });
      for (const record of records) {
        const e164 = ringCentralE164(record.phoneNumber);
        if (e164 && Array.isArray(record.features)) features.set(e164, record.features);
      }
    } catch (error) {
      // One extension gone or unreadable meanwhile leaves its numbers without features.
      if (!isAppError(error) || isAppError(error, 'link_broken')) throw error;
    }
    ctx.onProgress?.(
      span + ((1 - span) * (index + 1)) / owners.length,
      'Collecting number features…',
    );
  }
  const withFeatures = numbers.map(
    (n): NumberInfo =>
      n.features === null && features.has(n.e164)
        ? { ...n, features: features.get(n.e164) ?? null }
        : n,
  );
  return { viewer, numbers: withFeatures, featuresLeftOut: null };
}

/** Progress of a part of the work, as a share of the whole. */
function part(ctx: DirectoryContext, from: number, span: number) {
  return (fraction: number, label: string) => ctx.onProgress?.(from + span * fraction, label);
}
