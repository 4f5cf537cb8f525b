import type { ExtensionSummary, ForwardingEntry, NumberInfo } from '../model';
import { toE164 } from '../phone';
import type {
  DirectoryEntryRecord,
  ExtensionRecord,
  ForwardingNumberRecord,
  PhoneNumberRecord,
  PhoneNumberV2Record,
} from '../ringcentral/types';
import { isPersonalTarget, v1CompanyEndpoint } from './personal-numbers';

/** RingCentral's records → the app's plain result types. */

export function extensionSummary(record: ExtensionRecord): ExtensionSummary {
  return {
    id: String(record.id),
    extensionNumber: record.extensionNumber ?? null,
    name: record.name ?? nameOf(record.contact) ?? `ext ${record.extensionNumber ?? record.id}`,
    type: record.type ?? null,
    status: record.status ?? null,
    email: record.contact?.email || null,
    ...(record.site?.name ? { site: record.site.name } : {}),
  };
}

/** A directory entry; `ownAccountId` tells the viewer's own people from federated ones. */
export function directorySummary(
  entry: DirectoryEntryRecord,
  ownAccountId?: string,
): ExtensionSummary {
  const account = entry.account;
  const federated = !!account?.id && !!ownAccountId && String(account.id) !== ownAccountId;
  const accountName = federated ? account?.federatedName || account?.companyName : undefined;
  return {
    id: String(entry.id ?? ''),
    extensionNumber: entry.extensionNumber ?? null,
    name: entry.name ?? nameOf(entry) ?? `ext ${entry.extensionNumber ?? entry.id}`,
    type: entry.type ?? null,
    status: entry.status ?? null,
    email: entry.email || null,
    ...(entry.site?.name ? { site: entry.site.name } : {}),
    ...(accountName ? { accountName } : {}),
  };
}

function nameOf(person: { firstName?: string; lastName?: string } | undefined): string | null {
  const name = [person?.firstName, person?.lastName].filter(Boolean).join(' ').trim();
  return name === '' ? null : name;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * RingCentral's numbers as E.164. Listings already carry E.164, which is taken as is: parsing
 * each of 20,000 numbers again would cost most of a cold listing's time.
 */
export function ringCentralE164(raw: string | undefined): string | null {
  if (!raw) return null;
  return E164.test(raw) ? raw : toE164(raw);
}

export function numberInfo(
  record: PhoneNumberRecord,
  owner: ExtensionSummary | null,
): NumberInfo | null {
  const e164 = ringCentralE164(record.phoneNumber);
  if (!e164) return null;
  return {
    e164,
    usageType: record.usageType ?? null,
    callType: record.type ?? null,
    paymentType: record.paymentType ?? null,
    features: Array.isArray(record.features) ? record.features : null,
    label: record.label ?? null,
    owner,
  };
}

/** The company's main number as the account names it: known only as that, with no owner. */
export function mainNumberInfo(e164: string): NumberInfo {
  return {
    e164,
    usageType: 'MainCompanyNumber',
    callType: null,
    paymentType: null,
    features: null,
    label: null,
    owner: null,
  };
}

/** v2 records say `tollType` where v1 says `paymentType`, and carry no features. */
export function numberInfoV2(record: PhoneNumberV2Record, owner: ExtensionSummary | null) {
  const paymentType =
    record.tollType === 'TollFree' ? 'TollFree' : record.tollType === 'Toll' ? 'Local' : undefined;
  return numberInfo(
    {
      phoneNumber: record.phoneNumber,
      type: record.type,
      usageType: record.usageType,
      paymentType,
    },
    owner,
  );
}

/** The owner named inside an account-level number record (admins' view). */
export function embeddedOwner(record: PhoneNumberRecord): ExtensionSummary | null {
  if (!record.extension?.id) return null;
  return {
    id: String(record.extension.id),
    extensionNumber: record.extension.extensionNumber ?? null,
    name: record.extension.name ?? `ext ${record.extension.extensionNumber ?? record.extension.id}`,
    type: null,
    status: null,
    email: null,
  };
}

export function forwardingEntry(
  record: ForwardingNumberRecord,
  isCompanyNumber: (e164: string) => boolean,
): ForwardingEntry {
  const e164 = ringCentralE164(record.phoneNumber);
  const type = record.type ?? null;
  const personal = isPersonalTarget(
    { e164, companyEndpoint: v1CompanyEndpoint(record) },
    isCompanyNumber,
  );
  return {
    label: record.label ?? null,
    e164,
    raw: e164 ? null : (record.phoneNumber ?? null),
    type,
    features: record.features ?? [],
    flipNumber: record.flipNumber ?? null,
    personal,
  };
}
