import { AppError } from '../errors';
import type { ExtensionResult, FindResult, NumberInfo, NumbersResult } from '../model';
import { DEFAULT_PAGE_SIZE } from '../phone';
import type { PhoneNumberRecord } from '../ringcentral/types';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS, viewerOf } from './context';
import { numberInfo } from './convert';
import { searchableExtensions } from './listings';
import type { PageRequest } from './lookup';
import { resolveTarget, type Target } from './targets';

const MAX_FIND_TEXT = 100;

/** `ext 101`: the extension and the numbers RingCentral shows the viewer for it. */
export async function extensionDetails(
  ctx: DirectoryContext,
  number: string,
): Promise<ExtensionResult> {
  const result = await numbersOf(ctx, { kind: 'extension', number });
  return {
    extension: result.extension,
    numbers: result.numbers,
    limitedView: result.limitedView,
    viewer: result.viewer,
  };
}

/** `numbers [ext <n> | @user]`: one extension's phone numbers, one's own by default. */
export async function numbersOf(ctx: DirectoryContext, target: Target): Promise<NumbersResult> {
  const resolved = await resolveTarget(ctx, target);
  const records = await extensionNumberRecords(ctx, resolved.pathId);
  const numbers = records
    .map((record) => numberInfo(record, resolved.extension))
    .filter((info): info is NumberInfo => info !== null);
  const viewer = viewerOf(ctx);
  return {
    extension: resolved.extension,
    numbers,
    isSelf: resolved.isSelf,
    limitedView: !viewer.isAdmin && !resolved.isSelf,
    viewer,
  };
}

/** One extension's number records as this viewer may see them, cached for this identity. */
export function extensionNumberRecords(
  ctx: DirectoryContext,
  pathId: string,
): Promise<PhoneNumberRecord[]> {
  return ctx.cache.get(identityKey(ctx), `numbers@${pathId}`, () =>
    ctx.api.extensionNumbers(pathId, { maxWaitMs: SINGLE_CALL_WAIT_MS }),
  );
}

/** `find <text>`: extensions whose name, email or number contains the text. */
export async function findExtensions(
  ctx: DirectoryContext,
  text: string,
  page: PageRequest = {},
): Promise<FindResult> {
  const needle = text.trim().toLowerCase();
  if (needle === '') throw new AppError('invalid_input', 'Tell me what to find, like `find ana`.');
  if (needle.length > MAX_FIND_TEXT) {
    throw new AppError('invalid_input', 'That is too long to search for.');
  }
  const searchable = await searchableExtensions(ctx);
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.min(50, Math.max(1, Math.floor(page.limit ?? DEFAULT_PAGE_SIZE)));
  const { total, items } = searchable.search(needle, offset, limit);
  return {
    text,
    page: { total, offset, limit, items },
    viewer: viewerOf(ctx),
  };
}
