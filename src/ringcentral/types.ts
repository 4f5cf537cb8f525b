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
  /** Hidden from the company directory. */
  hidden?: boolean;
  /** The site of a multi-site account. */
  site?: { id?: string; name?: string; code?: string };
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
  phoneNumbers?: Array<{
    phoneNumber?: string;
    type?: string;
    usageType?: string;
    label?: string;
    hidden?: boolean;
  }>;
  /** Hidden from the company directory. */
  hidden?: boolean;
  site?: { id?: string; name?: string; code?: string };
  /** The account the entry belongs to: another one for people of a federated account. */
  account?: { id?: string; companyName?: string; federatedName?: string };
}

/** One record of `GET …/extension/{id}/features`. */
export interface FeatureRecord {
  id: string;
  available: boolean;
  params?: Array<{ name?: string; value?: string }>;
  reason?: { code?: string; message?: string };
}

/** v2 call-flip number (new call-handling backend). */
export interface CallFlipNumberRecord {
  id?: string;
  phoneNumber?: string;
  /** PhoneLine, External or BusinessMobile. */
  type?: string;
  label?: string;
  flipNumber?: string;
}

/**
 * v2 forwarding target (new call-handling backend): one of several ring target types, told
 * apart by `type`; the fields each type carries are optional here.
 */
export interface ForwardingTargetRecord {
  type?: string;
  name?: string;
  destination?: { phoneNumber?: string; integrationId?: string; extensionNumber?: string };
  device?: { id?: string; name?: string; phoneNumber?: string };
  extension?: { id?: string };
  integration?: { phoneNumber?: string; type?: string };
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

/** `GET …/extension/{id}/presence` (PresenceInfoResponse): what the viewer may see of it. */
export interface PresenceRecord {
  extension?: { id?: number; extensionNumber?: string };
  presenceStatus?: string;
  userStatus?: string;
  dndStatus?: string;
  dndStatusPersonal?: string;
  telephonyStatus?: string;
  allowSeeMyPresence?: boolean;
}

/** One resource of a batch request, in the order asked: its own status and body. */
export interface BatchPart<T> {
  status: number;
  /** The resource on a 2xx status; an error body (or null) otherwise. */
  body: T | null;
}
