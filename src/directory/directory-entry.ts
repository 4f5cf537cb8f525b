import type { NumberInfo } from '../model';
import type { DirectoryEntryRecord } from '../ringcentral/types';
import { directorySummary, numberInfo } from './convert';

/**
 * A directory entry as a regular user's listing keeps it: its owner and numbers (no features
 * shown). RingCentral hides entries and numbers marked hidden from regular users.
 */
export function directoryNumbers(entry: DirectoryEntryRecord, ownAccountId: string) {
  if (entry.id === undefined || !entry.extensionNumber || entry.hidden === true) return null;
  const owner = directorySummary(entry, ownAccountId);
  const numbers: NumberInfo[] = [];
  for (const phone of entry.phoneNumbers ?? []) {
    if (phone.hidden === true) continue;
    const info = numberInfo(
      { phoneNumber: phone.phoneNumber ?? '', usageType: phone.usageType },
      owner,
    );
    if (info) numbers.push({ ...info, features: null });
  }
  return { owner, numbers };
}
