/**
 * The company a sandbox serves: one RingCentral account with its extensions, phone numbers and
 * forwarding lists. Field names and enum values follow the official OpenAPI spec, so the API layer
 * can render records without translating. Phone numbers are stored in E.164 (`+16503316252`).
 */
import type { ExtensionPresence } from './presence';

/** Extension types from the guide, spelled as the spec spells them (`Announcement`, `Voicemail`). */
export const EXTENSION_TYPES = [
  'User',
  'DigitalUser',
  'VirtualUser',
  'FaxUser',
  'Department',
  'Announcement',
  'Voicemail',
  'SharedLinesGroup',
  'PagingOnly',
  'IvrMenu',
  'ParkLocation',
] as const;
export type ExtensionType = (typeof EXTENSION_TYPES)[number];

export const EXTENSION_STATUSES = [
  'Enabled',
  'Disabled',
  'Frozen',
  'NotActivated',
  'Unassigned',
] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** Types that belong to a person: they have a contact, can sign in and have forwarding numbers. */
export const PERSONAL_EXTENSION_TYPES: readonly ExtensionType[] = [
  'User',
  'DigitalUser',
  'VirtualUser',
];

export const USAGE_TYPES = [
  'MainCompanyNumber',
  'AdditionalCompanyNumber',
  'CompanyNumber',
  'DirectNumber',
  'CompanyFaxNumber',
  'ForwardedNumber',
  'ForwardedCompanyNumber',
] as const;
export type UsageType = (typeof USAGE_TYPES)[number];

export const PAYMENT_TYPES = ['External', 'TollFree', 'Local'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export const NUMBER_TYPES = ['VoiceFax', 'VoiceOnly', 'FaxOnly'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export const NUMBER_STATUSES = ['Normal', 'Pending', 'PortedIn', 'Temporary'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

export type NumberFeature = 'CallerId' | 'SmsSender';

export interface PhoneNumber {
  /** Numeric string, unique in the account. */
  id: string;
  /** E.164. */
  phoneNumber: string;
  usageType: UsageType;
  paymentType: PaymentType;
  /** Absent for external (forwarded) numbers, as RingCentral leaves it out. */
  type?: NumberType;
  status: NumberStatus;
  features: NumberFeature[];
  /** The extension the number is assigned to, if any. */
  extensionId?: string;
  label?: string;
  /** Hidden from the company directory: regular users are not to be shown it. */
  hidden?: boolean;
}

export type ForwardingFeature = 'CallForwarding' | 'CallFlip';
export type ForwardingType = 'Home' | 'Mobile' | 'Work' | 'PhoneLine' | 'Outage' | 'Other';

export interface ForwardingNumber {
  id: string;
  /** E.164. */
  phoneNumber: string;
  label: string;
  features: ForwardingFeature[];
  flipNumber?: string;
  type: ForwardingType;
}

/** A call-flip number on the new call-handling backend (the spec's CallFlipNumberResource). */
export interface CallFlipNumber {
  id: string;
  /** E.164. */
  phoneNumber: string;
  type: 'PhoneLine' | 'External' | 'BusinessMobile';
  label: string;
  flipNumber: string;
}

/** A forwarding target on the new backend: the ring target types the sandbox serves. */
export type ForwardingTarget =
  | { type: 'PhoneNumberRingTarget'; phoneNumber: string; name: string }
  | { type: 'DeviceRingTarget'; deviceId: string; name: string; phoneNumber: string }
  | { type: 'CoworkerRingTarget'; extensionId: string };

/** Call handling on the new backend: `GET …/call-flip-numbers` and `…/forwarding-targets`. */
export interface NewCallHandling {
  flip: CallFlipNumber[];
  targets: ForwardingTarget[];
}

/** A site of a multi-site account. */
export interface Site {
  id: string;
  name: string;
  code: string;
}

export interface Extension {
  /** Numeric string; the system extension's id equals the account id. */
  id: string;
  extensionNumber: string;
  type: ExtensionType;
  status: ExtensionStatus;
  /** Display name ("John Smith", "Support"). */
  name: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  jobTitle?: string;
  department?: string;
  isAdmin: boolean;
  /** Forwarding and call-flip numbers as the v1.0 (old backend) API serves them. */
  forwarding: ForwardingNumber[];
  /**
   * On RingCentral's new call-handling backend ("NewCallHandlingAndForwarding"): v1.0
   * forwarding-number refuses, the v2 APIs answer. Whole accounts have `upgradedCallHandling`.
   */
  upgradedCallHandling?: boolean;
  /** The v2 lists; when absent they are derived from `forwarding` (see call-handling.ts). */
  newCallHandling?: NewCallHandling;
  site?: Site;
  /** Hidden from the company directory. */
  hidden?: boolean;
  /** Presence as the person set it; available and on no call when absent (see presence.ts). */
  presence?: ExtensionPresence;
}

/** Someone of another account in this account's directory federation. */
export interface FederatedContact {
  id: string;
  extensionNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  /** E.164. */
  phoneNumber: string;
}

export interface FederatedAccount {
  accountId: string;
  companyName: string;
  /** The name the federation shows this account by. */
  federatedName: string;
  contacts: FederatedContact[];
}

export interface Company {
  accountId: string;
  companyName: string;
  /** E.164. */
  mainNumber: string;
  status: 'Initial' | 'Unconfirmed' | 'Confirmed' | 'Disabled';
  brand: { id: string; name: string };
  homeCountry: { id: string; isoCode: string; name: string; callingCode: string };
  servicePlan: { id: string; name: string; edition: string };
  billingPlan: {
    id: string;
    name: string;
    durationUnit: 'Month';
    duration: number;
    type: 'Regular';
  };
  operatorExtensionId: string;
  extensions: Extension[];
  phoneNumbers: PhoneNumber[];
  /** The whole account is on the new call-handling backend. */
  upgradedCallHandling?: boolean;
  /** Other accounts whose people the company directory also lists. */
  federation?: FederatedAccount[];
}

/** Someone one can sign in as at the sandbox's sign-in page. */
export interface Person {
  name: string;
  email: string;
  extensionNumber: string;
  extensionId: string;
  isAdmin: boolean;
}

/** Only enabled people with an email can sign in, as at RingCentral's own login page. */
export function canSignIn(ext: Extension): ext is Extension & { email: string } {
  return ext.status === 'Enabled' && PERSONAL_EXTENSION_TYPES.includes(ext.type) && !!ext.email;
}

export function personOf(ext: Extension & { email: string }): Person {
  return {
    name: ext.name,
    email: ext.email,
    extensionNumber: ext.extensionNumber,
    extensionId: ext.id,
    isAdmin: ext.isAdmin,
  };
}
