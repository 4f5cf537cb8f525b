import { AppError } from '../errors';
import type { ExtensionSummary } from '../model';
import type { ExtensionRecord } from '../ringcentral/types';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, selfSummary } from './context';
import { extensionSummary } from './convert';
import type { visibleNumbers } from './listings';

/**
 * The longest values RingCentral's spec lets a filter carry (`extensionNumber` maxLength 8,
 * `email` 254). Anything longer cannot name an extension, so it is answered without a request.
 */
export const EXTENSION_NUMBER_MAX = 8;
const EMAIL_MAX = 254;

/** Whose numbers or forwarding list: one's own, an extension number, or a person by email. */
export type Target =
  | { kind: 'self' }
  | { kind: 'extension'; number: string }
  | { kind: 'email'; email: string; who: string };

export interface ResolvedTarget {
  extension: ExtensionSummary;
  /** The id to put in the URL: `~` for one's own extension. */
  pathId: string;
  isSelf: boolean;
}

/** Finds the extension a target names, under the viewer's own visibility. */
export async function resolveTarget(
  ctx: DirectoryContext,
  target: Target,
): Promise<ResolvedTarget> {
  const me = ctx.api.http.identity;
  if (target.kind === 'self') return { extension: selfSummary(ctx), pathId: '~', isSelf: true };
  const found =
    target.kind === 'extension'
      ? await extensionByNumber(ctx, target.number)
      : await extensionByEmail(ctx, target.email);
  if (!found) {
    const userText =
      target.kind !== 'extension'
        ? `${target.who} has no RingCentral extension with their Slack email.`
        : target.number.length > EXTENSION_NUMBER_MAX
          ? `There is no extension ${target.number}: RingCentral extension numbers have at most ${EXTENSION_NUMBER_MAX} digits.`
          : `No extension ${target.number} in your RingCentral account.`;
    throw new AppError('not_found', userText, { userText });
  }
  const isSelf = found.id === me.extensionId;
  return { extension: found, pathId: isSelf ? '~' : found.id, isSelf };
}

export async function extensionByNumber(
  ctx: DirectoryContext,
  number: string,
): Promise<ExtensionSummary | null> {
  const warm = ctx.cache.peek<Awaited<ReturnType<typeof visibleNumbers>>>(
    identityKey(ctx),
    'numbers',
  );
  const known = warm?.extensions.get(number);
  if (known?.type) return known;
  if (number.length > EXTENSION_NUMBER_MAX) return null;
  const records = await ctx.cache.get(identityKey(ctx), `ext#${number}`, () =>
    ctx.api.findExtensions({ extensionNumber: number }, { maxWaitMs: SINGLE_CALL_WAIT_MS }),
  );
  const record = records.find(
    (candidate) => candidate.extensionNumber === number && shownTo(ctx, candidate),
  );
  return record ? extensionSummary(record) : null;
}

async function extensionByEmail(ctx: DirectoryContext, email: string) {
  if (email.length > EMAIL_MAX) return null;
  const records = await ctx.cache.get(identityKey(ctx), `email#${email.toLowerCase()}`, () =>
    ctx.api.findExtensions({ email }, { maxWaitMs: SINGLE_CALL_WAIT_MS }),
  );
  const lower = email.toLowerCase();
  const record = records.find(
    (candidate) => candidate.contact?.email?.toLowerCase() === lower && shownTo(ctx, candidate),
  );
  return record ? extensionSummary(record) : null;
}

/** RingCentral hides an extension marked `hidden` from everyone but administrators. */
function shownTo(ctx: DirectoryContext, record: ExtensionRecord): boolean {
  return record.hidden !== true || ctx.api.http.identity.isAdmin;
}

/** One extension's full record, cached for this identity. */
export function extensionById(ctx: DirectoryContext, id: string): Promise<ExtensionRecord> {
  return ctx.cache.get(identityKey(ctx), `ext@${id}`, () =>
    ctx.api.extension(id, { maxWaitMs: SINGLE_CALL_WAIT_MS }),
  );
}
