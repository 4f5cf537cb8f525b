import type { LinkedIdentity, MemberKey } from '../store/types';
import { identityOf } from './identity';
import type { ExtensionRecord } from './types';
import type { RingCentralHttp } from './user-session';

/** Told when RingCentral now describes a linked member otherwise than their stored link did. */
export type IdentityChanged = (
  member: MemberKey,
  before: LinkedIdentity,
  after: LinkedIdentity,
) => void;

const SELF = '/restapi/v1.0/account/~/extension/~';
/** Someone is waiting on the answer: wait briefly for rate budget, then say so. */
const WAIT_MS = 5_000;

/** Who the session's member is at RingCentral right now: one Light request, their own token. */
export async function readIdentity(http: RingCentralHttp): Promise<LinkedIdentity> {
  return identityOf(await http.get<ExtensionRecord>(SELF, {}, 'Light', { maxWaitMs: WAIT_MS }));
}

export function sameIdentity(a: LinkedIdentity, b: LinkedIdentity): boolean {
  return (
    a.accountId === b.accountId &&
    a.extensionId === b.extensionId &&
    a.extensionNumber === b.extensionNumber &&
    a.name === b.name &&
    a.extensionType === b.extensionType &&
    a.isAdmin === b.isAdmin &&
    a.email === b.email
  );
}

/**
 * The extension's email is no longer the one the link was made for: the extension may have been
 * handed to someone else (RingCentral reuses extensions when people leave), and the link was
 * bound to the person by that email. A link made before emails were kept (null) cannot tell.
 */
export function emailChanged(linked: LinkedIdentity, now: LinkedIdentity): boolean {
  const before = linked.email?.trim().toLowerCase() || null;
  if (before === null) return false;
  return before !== (now.email?.trim().toLowerCase() || null);
}
