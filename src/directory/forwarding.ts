import { AppError, isAppError } from '../errors';
import type { ForwardingEntry, ForwardingResult } from '../model';
import { backendOf, knownBackend } from './call-handling';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, viewerOf } from './context';
import { forwardingEntry, ringCentralE164 } from './convert';
import { extensionNumberRecords } from './extensions';
import { forwardingEntriesV2 } from './forwarding-v2';
import type { NumberListing } from './listings';
import { v1CompanyEndpoint } from './personal-numbers';
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
  const entries = (await readEntries(ctx, resolved, companyNumbersOnce(ctx, resolved.pathId))).sort(
    (a, b) => flipOrder(a.flipNumber) - flipOrder(b.flipNumber),
  );
  return { extension: resolved.extension, isSelf: resolved.isSelf, entries, viewer: viewerOf(ctx) };
}

async function readEntries(
  ctx: DirectoryContext,
  resolved: ResolvedTarget,
  companyNumbers: CompanyNumbers,
): Promise<ForwardingEntry[]> {
  const backend = knownBackend(ctx, resolved.pathId);
  if (backend === 'new') return readNewBackend(ctx, resolved, companyNumbers);
  try {
    const records = await ctx.api.forwardingNumbers(resolved.pathId, {
      maxWaitMs: SINGLE_CALL_WAIT_MS,
    });
    const typedIn = records.some((record) => !v1CompanyEndpoint(record) && record.phoneNumber);
    const isCompanyNumber = typedIn ? await companyNumbers() : () => false;
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
    return readNewBackend(ctx, resolved, companyNumbers);
  }
}

async function readNewBackend(
  ctx: DirectoryContext,
  resolved: ResolvedTarget,
  companyNumbers: CompanyNumbers,
): Promise<ForwardingEntry[]> {
  const options = { maxWaitMs: SINGLE_CALL_WAIT_MS };
  try {
    const [flips, targets] = await Promise.all([
      ctx.api.callFlipNumbers(resolved.pathId, options),
      ctx.api.forwardingTargets(resolved.pathId, options),
    ]);
    const isCompanyNumber =
      flips.length + targets.length > 0 ? await companyNumbers() : () => false;
    return forwardingEntriesV2(flips, targets, isCompanyNumber);
  } catch (error) {
    throw isAppError(error, 'forbidden') ? refusal(error, resolved) : error;
  }
}

type CompanyNumbers = () => Promise<(e164: string) => boolean>;

/**
 * The numbers the asker's own token shows as the company's: the extension's own numbers (one
 * Light request, cached) and the asker's whole listing when it is already at hand. Never a cold
 * listing, which can take many requests: a number missing here only errs toward a warning.
 * Read at most once, and only when a list holds numbers someone typed in.
 */
function companyNumbersOnce(ctx: DirectoryContext, pathId: string): CompanyNumbers {
  let read: Promise<(e164: string) => boolean> | undefined;
  return () => {
    read ??= (async () => {
      const own = await extensionNumberRecords(ctx, pathId).catch(() => []);
      const ownNumbers = new Set(own.map((record) => ringCentralE164(record.phoneNumber)));
      const known = ctx.cache.peek<NumberListing>(identityKey(ctx), 'numbers');
      return (e164: string) => ownNumbers.has(e164) || known?.index.get(e164) !== undefined;
    })();
    return read;
  };
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
