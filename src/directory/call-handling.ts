/**
 * Which of RingCentral's two call-handling backends an extension is on. RingCentral's migration
 * guide: `GET …/extension/{id}/features?featureId=NewCallHandlingAndForwarding` answers
 * `available: true` on both, with the param `isNewBackendAvailable` "true" on the new one, and
 * an upgraded account can no longer read call handling through the v1.0 APIs. The answer is
 * cached for the asking identity only, like every other answer.
 */
import { type DirectoryContext, identityKey, SINGLE_CALL_WAIT_MS } from './context';

export type CallHandlingBackend = 'legacy' | 'new';

export const NEW_CALL_HANDLING_FEATURE = 'NewCallHandlingAndForwarding';

function cacheName(pathId: string): string {
  return `call-handling@${pathId}`;
}

/** What this identity already learned of the extension's backend, without asking. */
export function knownBackend(
  ctx: DirectoryContext,
  pathId: string,
): CallHandlingBackend | undefined {
  return ctx.cache.peek<CallHandlingBackend>(identityKey(ctx), cacheName(pathId));
}

/** Asks RingCentral (one Medium request), unless this identity asked recently. */
export function backendOf(ctx: DirectoryContext, pathId: string): Promise<CallHandlingBackend> {
  return ctx.cache.get(identityKey(ctx), cacheName(pathId), async () => {
    const records = await ctx.api.features(pathId, [NEW_CALL_HANDLING_FEATURE], {
      maxWaitMs: SINGLE_CALL_WAIT_MS,
    });
    const feature = records.find((record) => record.id === NEW_CALL_HANDLING_FEATURE);
    const flag = feature?.params?.find((param) => param.name === 'isNewBackendAvailable');
    // Without the feature or its param the extension is taken to be on the old backend.
    return feature?.available === true && flag?.value === 'true' ? 'new' : 'legacy';
  });
}
