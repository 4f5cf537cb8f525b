import { AppError } from '../errors';
import type { ForwardingResult } from '../model';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, viewerOf } from './context';
import { forwardingEntry, ringCentralE164 } from './convert';
import { extensionNumberRecords } from './extensions';
import type { NumberListing } from './listings';
import { v1CompanyEndpoint } from './personal-numbers';
import { resolveTarget, type Target } from './targets';

/** Extension types that have a forwarding and call-flip list at RingCentral. */
const FORWARDING_TYPES = new Set(['User', 'DigitalUser', 'VirtualUser']);

/**
 * `forwarding [ext <n> | @user]`: where the extension's calls may go. Always read fresh (never
 * cached): people check it when a call went astray, and a shared list must be current.
 */
export async function forwardingOf(
  ctx: DirectoryContext,
  target: Target,
): Promise<ForwardingResult> {
  const resolved = await resolveTarget(ctx, target);
  const type = resolved.extension.type;
  if (type && !FORWARDING_TYPES.has(type)) {
    const userText = `Ext ${resolved.extension.extensionNumber ?? ''} is a ${type} extension: RingCentral keeps forwarding numbers only for users.`;
    throw new AppError('no_forwarding', userText, { userText });
  }
  const records = await ctx.api.forwardingNumbers(resolved.pathId, {
    maxWaitMs: SINGLE_CALL_WAIT_MS,
  });
  const typedIn = records.some((record) => !v1CompanyEndpoint(record) && record.phoneNumber);
  const isCompanyNumber = typedIn ? await companyNumbers(ctx, resolved.pathId) : () => false;
  const entries = records
    .map((record) => forwardingEntry(record, isCompanyNumber))
    .sort((a, b) => flipOrder(a.flipNumber) - flipOrder(b.flipNumber));
  return { extension: resolved.extension, isSelf: resolved.isSelf, entries, viewer: viewerOf(ctx) };
}

/**
 * The numbers the asker's own token shows as the company's: the extension's own numbers (one
 * Light request, cached) and the asker's whole listing when it is already at hand. Never a cold
 * listing, which can take many requests: a number missing here only errs toward a warning.
 */
async function companyNumbers(
  ctx: DirectoryContext,
  pathId: string,
): Promise<(e164: string) => boolean> {
  const own = await extensionNumberRecords(ctx, pathId).catch(() => []);
  const ownNumbers = new Set(own.map((record) => ringCentralE164(record.phoneNumber)));
  const known = ctx.cache.peek<NumberListing>(identityKey(ctx), 'numbers');
  return (e164) => ownNumbers.has(e164) || known?.index.get(e164) !== undefined;
}

function flipOrder(flip: string | null): number {
  const value = Number(flip);
  return flip !== null && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}
