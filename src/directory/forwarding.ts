import { AppError, isAppError } from '../errors';
import type { ForwardingEntry, ForwardingResult } from '../model';
import { backendOf, knownBackend } from './call-handling';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, viewerOf } from './context';
import { forwardingEntry } from './convert';
import { forwardingEntriesV2 } from './forwarding-v2';
import type { NumberListing } from './listings';
import { type ResolvedTarget, resolveTarget, type Target } from './targets';

/** Extension types that have a forwarding and call-flip list at RingCentral. */
const FORWARDING_TYPES = new Set(['User', 'DigitalUser', 'VirtualUser']);

/**
 * `forwarding [ext <n> | @user]`: where the extension's calls may go, on whichever of
 * RingCentral's call-handling backends it is on. Always read fresh (never cached): people check
 * it when a call went astray, and a shared list must be current. Only which backend an
 * extension is on is cached, per identity.
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
  const known = ctx.cache.peek<NumberListing>(identityKey(ctx), 'numbers');
  // Numbers the viewer already knows as the company's own are not personal.
  const isCompanyNumber = (e164: string) => known?.index.get(e164) !== undefined;
  const entries = (await readEntries(ctx, resolved, isCompanyNumber)).sort(
    (a, b) => flipOrder(a.flipNumber) - flipOrder(b.flipNumber),
  );
  return { extension: resolved.extension, isSelf: resolved.isSelf, entries, viewer: viewerOf(ctx) };
}

async function readEntries(
  ctx: DirectoryContext,
  resolved: ResolvedTarget,
  isCompanyNumber: (e164: string) => boolean,
): Promise<ForwardingEntry[]> {
  const backend = knownBackend(ctx, resolved.pathId);
  if (backend === 'new') return readNewBackend(ctx, resolved, isCompanyNumber);
  try {
    const records = await ctx.api.forwardingNumbers(resolved.pathId, {
      maxWaitMs: SINGLE_CALL_WAIT_MS,
    });
    return records.map((record) => forwardingEntry(record, isCompanyNumber));
  } catch (error) {
    if (!isAppError(error, 'forbidden')) throw error;
    // RingCentral refuses v1.0 call handling on the new backend: before calling this 403 a
    // permission problem, ask which backend the extension is on (a cached answer costs nothing,
    // and a stale one is refreshed behind it). A regular user asking about someone else is
    // refused on both backends, so that needs no question.
    const mayRead = resolved.isSelf || ctx.api.http.identity.isAdmin;
    if (!mayRead) throw refusal(error, resolved);
    const detected = await backendOf(ctx, resolved.pathId).catch((question: unknown) => {
      throw isAppError(question, 'forbidden') ? refusal(error, resolved) : question;
    });
    if (detected !== 'new') throw refusal(error, resolved);
    return readNewBackend(ctx, resolved, isCompanyNumber);
  }
}

async function readNewBackend(
  ctx: DirectoryContext,
  resolved: ResolvedTarget,
  isCompanyNumber: (e164: string) => boolean,
): Promise<ForwardingEntry[]> {
  const options = { maxWaitMs: SINGLE_CALL_WAIT_MS };
  try {
    const [flips, targets] = await Promise.all([
      ctx.api.callFlipNumbers(resolved.pathId, options),
      ctx.api.forwardingTargets(resolved.pathId, options),
    ]);
    return forwardingEntriesV2(flips, targets, isCompanyNumber);
  } catch (error) {
    throw isAppError(error, 'forbidden') ? refusal(error, resolved) : error;
  }
}

/** A refusal in words that fit whose list it was: one's own list is nobody else's. */
function refusal(error: AppError, resolved: ResolvedTarget): AppError {
  if (!resolved.isSelf) return error;
  const userText =
    'RingCentral does not let your role read your own forwarding numbers. Your RingCentral admin can check them for you.';
  return new AppError('forbidden', error.message, { ...error.details, userText });
}

function flipOrder(flip: string | null): number {
  const value = Number(flip);
  return flip !== null && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}
