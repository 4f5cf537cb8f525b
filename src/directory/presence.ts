import { isAppError } from '../errors';
import type { ExtensionSummary, Presence } from '../model';
import type { PresenceRecord } from '../ringcentral/types';
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS } from './context';

/** RingCentral answers at most this many extensions' presence in one (Light) request. */
export const PRESENCE_BATCH = 30;
/** Presence changes by the minute: an answer is reused this long, for this identity only. */
export const PRESENCE_FRESH_MS = 20_000;
/** An answer names a few dozen people at most; anything beyond is not worth the requests. */
const MAX_PEOPLE = 60;
/** Each answer (or refusal) is kept for the fresh time only; its size, for the cache's bound. */
const KEPT = { ttlMs: PRESENCE_FRESH_MS, bytes: 160 };
/** RingCentral refused this identity presence: not asked again while this is kept. */
const REFUSED = 'presence!refused';
const personKey = (extensionId: string) => `presence@${extensionId}`;

export interface PresenceAnswer {
  /** By extension id; a person missing here shows no presence. */
  byId: Map<string, Presence>;
  /** RingCentral refused this request (the app lacks ReadPresence, or the role may not read it). */
  refused: boolean;
}

/** The people of an answer whose presence RingCentral can tell: users of the viewer's account. */
export function presenceCandidates(people: Array<ExtensionSummary | null | undefined>): string[] {
  const ids = people
    .filter((person): person is ExtensionSummary => Boolean(person))
    .filter(
      (person) => person.type === 'User' && !person.accountName && /^\d{1,20}$/.test(person.id),
    )
    .map((person) => person.id);
  return [...new Set(ids)].slice(0, MAX_PEOPLE);
}

/**
 * The presence of these extensions, read under the viewer's own token in batches of 30 and
 * cached briefly for that identity. Never throws: presence only adds to an answer. Whatever
 * RingCentral refuses, or a person hides from others, is simply not there.
 */
export async function presenceOf(
  ctx: DirectoryContext,
  extensionIds: string[],
): Promise<PresenceAnswer> {
  const byId = new Map<string, Presence>();
  const who = identityKey(ctx);
  if (ctx.cache.peek<boolean>(who, REFUSED)) return { byId, refused: false };
  const missing: string[] = [];
  for (const id of extensionIds) {
    const known = ctx.cache.peek<Presence | null>(who, personKey(id));
    if (known === undefined) missing.push(id);
    else if (known) byId.set(id, known);
  }
  if (missing.length === 0) return { byId, refused: false };
  return ctx.cache.putting(who, async (put) => {
    for (let i = 0; i < missing.length; i += PRESENCE_BATCH) {
      const batch = missing.slice(i, i + PRESENCE_BATCH);
      let parts: Awaited<ReturnType<DirectoryContext['api']['presence']>>;
      try {
        parts = await ctx.api.presence(batch, { maxWaitMs: SINGLE_CALL_WAIT_MS });
      } catch (error) {
        if (!isAppError(error, 'forbidden')) return { byId, refused: false };
        put(REFUSED, true, KEPT);
        return { byId, refused: true };
      }
      for (const [index, id] of batch.entries()) {
        const part = parts[index];
        const shown = part && part.status === 200 ? presenceShown(ctx, id, part.body) : null;
        put(personKey(id), shown, KEPT);
        if (shown) byId.set(id, shown);
      }
    }
    return { byId, refused: false };
  });
}

/**
 * What the record says, if it says it for real. One's own presence is always real; for anyone
 * else a person who hides it (`allowSeeMyPresence` false), or a record without the statuses
 * RingCentral leaves out when it does not tell (only `presenceStatus`), shows nothing.
 */
export function presenceShown(
  ctx: DirectoryContext,
  extensionId: string,
  record: PresenceRecord | null,
): Presence | null {
  if (!record) return null;
  const own = extensionId === ctx.api.http.identity.extensionId;
  if (!own && record.allowSeeMyPresence === false) return null;
  if (!own && !record.userStatus && !record.dndStatus && !record.telephonyStatus) return null;
  const onCall = ['CallConnected', 'OnHold', 'ParkedCall'].includes(record.telephonyStatus ?? '');
  const dnd = [record.dndStatus, record.dndStatusPersonal].includes('DoNotAcceptAnyCalls');
  if (dnd) return { status: 'DoNotDisturb', onCall };
  const status = record.presenceStatus;
  if (status === 'Available' || status === 'Busy' || status === 'Offline') {
    return { status, onCall };
  }
  return null;
}
