/**
 * What each person's presence is in the sandbox, and the guide company's: someone available,
 * someone on a call, someone on Do not disturb, and someone who hides their presence from others
 * (`allowSeeMyPresence` off). Anyone without a record of their own is available, not on a call.
 */
import type { Extension } from './company';

/** A person's presence as they (or their phones) set it; `presenceStatus` is derived from it. */
export interface ExtensionPresence {
  userStatus: 'Available' | 'Busy' | 'Offline';
  dndStatus: 'TakeAllCalls' | 'DoNotAcceptAnyCalls';
  telephonyStatus: 'NoCall' | 'CallConnected' | 'Ringing' | 'OnHold' | 'ParkedCall';
  /** Off: other users see none of it (the person themself, and admins, still do). */
  allowSeeMyPresence: boolean;
}

export const DEFAULT_PRESENCE: ExtensionPresence = {
  userStatus: 'Available',
  dndStatus: 'TakeAllCalls',
  telephonyStatus: 'NoCall',
  allowSeeMyPresence: true,
};

export function presenceOfExtension(ext: Extension): ExtensionPresence {
  if (ext.status !== 'Enabled') return { ...DEFAULT_PRESENCE, userStatus: 'Offline' };
  return { ...DEFAULT_PRESENCE, ...ext.presence };
}

/** RingCentral's aggregate: Do not disturb or any call makes a person Busy. */
export function aggregateStatus(p: ExtensionPresence): 'Available' | 'Busy' | 'Offline' {
  if (p.userStatus === 'Offline') return 'Offline';
  if (p.dndStatus === 'DoNotAcceptAnyCalls' || p.telephonyStatus !== 'NoCall') return 'Busy';
  return p.userStatus;
}

/** The guide company's people, by extension number. */
const GUIDE: Record<string, Partial<ExtensionPresence>> = {
  // Ana Ruiz is on a call.
  '104': { telephonyStatus: 'CallConnected' },
  // Ben Okafor takes no calls.
  '105': { dndStatus: 'DoNotAcceptAnyCalls' },
  // Dev Patel hides his presence from other users.
  '107': { allowSeeMyPresence: false, userStatus: 'Busy' },
  // Lena Fischer is away from her desk.
  '108': { userStatus: 'Offline' },
};

export function withGuidePresence(extensions: Extension[]): Extension[] {
  return extensions.map((ext) => {
    const seeded = GUIDE[ext.extensionNumber];
    return seeded ? { ...ext, presence: { ...DEFAULT_PRESENCE, ...seeded } } : ext;
  });
}
