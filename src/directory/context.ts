import type { ExtensionSummary, Viewer } from '../model';
import type { AccountApi, ListOptions } from '../ringcentral/account-api';
import type { DirectoryExtras, DirectoryParts } from './directory-tables';
import type { IdentityCache } from './identity-cache';

/**
 * Builds regular users' directory listings off the main thread (src/listing-worker): each
 * page's answer is handed over as it comes, and the finished listing comes back as parts.
 */
export interface DirectoryTablesMaker {
  start(accountId: string, self: ExtensionSummary): DirectoryTablesJob;
}

export interface DirectoryTablesJob {
  /** Reads one page's answer into the listing: what paging needs of it (`paging`, `records`). */
  readPage(response: Response): Promise<unknown>;
  finish(extras: DirectoryExtras): Promise<DirectoryParts>;
  /** Drops a listing that will not be finished. */
  cancel(): void;
}

/** Progress of slow work, for the "collecting numbers… 40%" message. */
export type ProgressFn = (fraction: number, label: string) => void;

/** Everything a use case needs, all of it bound to the one identity that asked. */
export interface DirectoryContext {
  api: AccountApi;
  cache: IdentityCache;
  onProgress?: ProgressFn;
  /** Tracks work started for later (a listing warmed after a targeted answer). */
  background?: (task: Promise<unknown>) => void;
  /** Where directory listings are built; on this thread, in slices, when absent. */
  tables?: DirectoryTablesMaker;
}

/** Single calls wait briefly for rate budget; listings may wait out a whole window. */
export const SINGLE_CALL_WAIT_MS = 5_000;
export const LISTING_WAIT_MS = 65_000;

export function viewerOf(ctx: DirectoryContext): Viewer {
  const identity = ctx.api.http.identity;
  return {
    extensionId: identity.extensionId,
    extensionNumber: identity.extensionNumber,
    name: identity.name,
    isAdmin: identity.isAdmin,
  };
}

/** The viewer's own extension, as their link describes it (no request needed). */
export function selfSummary(ctx: DirectoryContext): ExtensionSummary {
  const me = ctx.api.http.identity;
  return {
    id: me.extensionId,
    extensionNumber: me.extensionNumber,
    name: me.name,
    type: me.extensionType,
    status: 'Enabled',
    email: me.email,
  };
}

export function identityKey(ctx: DirectoryContext): string {
  return ctx.api.http.identityKey;
}

/** Listing options that report page progress as a share of `span` starting at `from`. */
export function listing(ctx: DirectoryContext, label: string, from = 0, span = 1): ListOptions {
  return {
    maxWaitMs: LISTING_WAIT_MS,
    onPage: ({ page, totalPages }) => ctx.onProgress?.(from + (span * page) / totalPages, label),
    onWait: () =>
      ctx.onProgress?.(from, `${label.replace(/…$/, '')} (pausing for RingCentral's rate limit)…`),
  };
}
