import type { LinkedIdentity } from '../store/types';
import type { ExtensionRecord } from './types';

/** Who a member is at RingCentral, from their own `/extension/~` record. */
export function identityOf(extension: ExtensionRecord): LinkedIdentity {
  return {
    accountId: String(extension.account?.id ?? accountIdFromUri(extension.uri) ?? ''),
    extensionId: String(extension.id),
    extensionNumber: extension.extensionNumber ?? '',
    name: extension.name ?? extension.extensionNumber ?? String(extension.id),
    extensionType: extension.type ?? 'User',
    isAdmin: extension.permissions?.admin?.enabled === true,
    email: extension.contact?.email || null,
  };
}

function accountIdFromUri(uri: string | undefined): string | null {
  return uri?.match(/\/account\/(\d+)/)?.[1] ?? null;
}
