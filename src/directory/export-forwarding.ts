import { type AppError, isAppError } from '../errors';
import type { ExtensionSummary, ForwardingExport, ForwardingExportItem } from '../model';
import { type DirectoryContext, selfSummary, viewerOf } from './context';
import { forwardingOf } from './forwarding';
import { visibleNumbers } from './listings';

/** Extension types that keep a forwarding list. */
const FORWARDING_TYPES = new Set(['User', 'DigitalUser', 'VirtualUser']);
/** Waits for rate budget per list before giving up on it: a whole window and a little more. */
const MAX_RATE_WAITS = 3;
const MAX_WAIT_MS = 65_000;

export interface ForwardingExportOptions {
  /** How to wait out RingCentral's rate limit; tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * `export forwarding`: the forwarding list of every extension the asker may read. An admin
 * reads every user extension's (one to three Light or Medium requests each, paced by the rate
 * budget, so a large account takes minutes and reports its progress); a regular user reads only
 * their own, as RingCentral shows nobody else's to them. A list that cannot be read becomes a
 * row saying why instead of failing the whole export.
 */
export async function exportForwarding(
  ctx: DirectoryContext,
  options: ForwardingExportOptions = {},
): Promise<ForwardingExport> {
  const viewer = viewerOf(ctx);
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  let targets: ExtensionSummary[] = [selfSummary(ctx)];
  if (viewer.isAdmin) {
    // The admin listing names every extension with its type, so each list below needs no
    // look-up of its own, and it tells company numbers from personal ones.
    const listing = await visibleNumbers({ ...ctx, onProgress: scaled(ctx, 0, 0.3) });
    targets = [...listing.extensions.values()]
      .filter((extension) => extension.type && FORWARDING_TYPES.has(extension.type))
      .sort((a, b) => (a.extensionNumber ?? '').localeCompare(b.extensionNumber ?? '', 'en'));
  }
  const items: ForwardingExportItem[] = [];
  const from = viewer.isAdmin ? 0.3 : 0;
  for (const [index, extension] of targets.entries()) {
    items.push(await readOne(ctx, extension, sleep));
    ctx.onProgress?.(
      from + ((1 - from) * (index + 1)) / targets.length,
      'Collecting forwarding lists…',
    );
  }
  return { viewer, items };
}

async function readOne(
  ctx: DirectoryContext,
  extension: ExtensionSummary,
  sleep: (ms: number) => Promise<void>,
): Promise<ForwardingExportItem> {
  const isSelf = extension.id === ctx.api.http.identity.extensionId;
  const target =
    isSelf || !extension.extensionNumber
      ? ({ kind: 'self' } as const)
      : ({ kind: 'extension', number: extension.extensionNumber } as const);
  for (let waits = 0; ; waits++) {
    try {
      const list = await forwardingOf(ctx, target);
      return { extension: list.extension, entries: list.entries, problem: null };
    } catch (error) {
      if (isAppError(error, 'rate_limited') && waits < MAX_RATE_WAITS) {
        ctx.onProgress?.(0, "Collecting forwarding lists (pausing for RingCentral's rate limit)…");
        await sleep(Math.min(MAX_WAIT_MS, (error.details.retryAfterSec ?? 5) * 1000));
        continue;
      }
      // Anything but a refusal for this one list stops the export (an expired link, say).
      if (!isAppError(error) || !SKIPPABLE.has(error.code)) throw error;
      return { extension, entries: [], problem: problemText(error) };
    }
  }
}

const SKIPPABLE = new Set<AppError['code']>([
  'forbidden',
  'not_found',
  'no_forwarding',
  'rate_limited',
  'ringcentral_refused',
]);

function problemText(error: AppError): string {
  switch (error.code) {
    case 'forbidden':
      return 'not readable with your RingCentral role';
    case 'not_found':
      return 'no longer in the account';
    case 'no_forwarding':
      return 'this extension keeps no forwarding list';
    case 'rate_limited':
      return "skipped: RingCentral's rate limit";
    default:
      return 'RingCentral refused to read this list';
  }
}

/** Progress of a part of the work, as a share of the whole. */
function scaled(ctx: DirectoryContext, from: number, span: number) {
  return (fraction: number, label: string) => ctx.onProgress?.(from + span * fraction, label);
}
