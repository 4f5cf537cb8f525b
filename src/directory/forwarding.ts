import { AppError } from '../errors';
import type { ForwardingResult } from '../model';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, viewerOf } from './context';
import { forwardingEntry } from './convert';
import type { NumberListing } from './listings';
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
  const known = ctx.cache.peek<NumberListing>(identityKey(ctx), 'numbers');
  // Numbers the viewer already knows as the company's own are not personal.
  const isCompanyNumber = (e164: string) => known?.index.get(e164) !== undefined;
  const entries = records
    .map((record) => forwardingEntry(record, isCompanyNumber))
    .sort((a, b) => flipOrder(a.flipNumber) - flipOrder(b.flipNumber));
  return { extension: resolved.extension, isSelf: resolved.isSelf, entries, viewer: viewerOf(ctx) };
}

function flipOrder(flip: string | null): number {
  const value = Number(flip);
  return flip !== null && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}
