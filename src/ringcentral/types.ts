/**
 * The parts of RingCentral's Account API records that rcnumber reads. Field names follow the
 * official OpenAPI spec; everything is optional where RingCentral may leave it out (notably for
 * non-admin callers).
 */

export interface Paged<T> {
  records: T[];
  paging?: { page?: number; totalPages?: number; perPage?: number; totalElements?: number };
}

export interface AccountRecord {
  id: number | string;
  mainNumber?: string;
  status?: string;
  serviceInfo?: {
    brand?: { id?: string; name?: string; homeCountry?: { id?: string; isoCode?: string } };
    servicePlan?: { id?: string; name?: string; edition?: string };
  };
  operator?: { id?: number | string; extensionNumber?: string; name?: string };
}

export interface ExtensionRecord {
  id: number | string;
  uri?: string;
  extensionNumber?: string;
  name?: string;
  type?: string;
  status?: string;
  contact?: { firstName?: string; lastName?: string; email?: string; company?: string };
  permissions?: { admin?: { enabled?: boolean } };
  account?: { id?: number | string };
}

export interface PhoneNumberRecord {
  id?: number | string;
  phoneNumber: string;
  paymentType?: string;
  type?: string;
  usageType?: string;
  status?: string;
  label?: string;
  features?: string[];
  extension?: { id?: number | string; extensionNumber?: string; name?: string };
}

export interface ForwardingNumberRecord {
  id?: number | string;
  phoneNumber?: string;
  label?: string;
  type?: string;
  features?: string[];
  flipNumber?: string;
  /** The company device a `PhoneLine` entry rings (the spec: for that type only). */
  device?: { id?: string };
  /** The extension an `ExtensionApps` entry rings. */
  extension?: { id?: string; name?: string; extensionNumber?: string };
}

export interface DirectoryEntryRecord {
  id?: string;
  type?: string;
  status?: string;
  extensionNumber?: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  email?: string;
  phoneNumbers?: Array<{ phoneNumber?: string; type?: string; usageType?: string; label?: string }>;
}

/** v2 `/accounts/{id}/phone-numbers` record. */
export interface PhoneNumberV2Record {
  id?: string;
  phoneNumber: string;
  type?: string;
  tollType?: string;
  usageType?: string;
  status?: string;
  extension?: { id?: string; extensionNumber?: string; name?: string; type?: string };
}
