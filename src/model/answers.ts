/**
 * What the directory use cases answer. Plain data, free of Slack and of RingCentral's wire
 * shapes; src/blocks/ renders it. Every result was computed under one asking identity.
 */

/** The asking user, as RingCentral knows them. */
export interface Viewer {
  extensionId: string;
  extensionNumber: string;
  name: string;
  isAdmin: boolean;
}

export interface ExtensionSummary {
  id: string;
  extensionNumber: string | null;
  name: string;
  type: string | null;
  status: string | null;
  email: string | null;
  /** The site of a multi-site account, where RingCentral names it. */
  site?: string | null;
  /** For someone of another account in the directory's federation: that account's name. */
  accountName?: string | null;
  /** Filled in by the Slack layer when the email matches a member of the workspace. */
  slackUserId?: string | null;
  /** Whether they can take a call now, where RingCentral shows it to this viewer. */
  presence?: Presence | null;
}

/**
 * A person's availability as RingCentral states it to the asking viewer, at one moment. Absent
 * wherever RingCentral refused to say or the person hides it: it is never guessed.
 */
export interface Presence {
  status: 'Available' | 'Busy' | 'DoNotDisturb' | 'Offline';
  /** On a call (connected or holding) right now. */
  onCall: boolean;
}

export interface NumberInfo {
  /** E.164, e.g. +16503316252. */
  e164: string;
  usageType: string | null;
  /** RingCentral's `type`: VoiceFax, VoiceOnly, FaxOnly. */
  callType: string | null;
  /** Local, TollFree, External… */
  paymentType: string | null;
  /** Null when RingCentral did not show features to this viewer. */
  features: string[] | null;
  label: string | null;
  owner: ExtensionSummary | null;
}

export interface WhoOwnsResult {
  kind: 'full';
  query: string;
  e164: string;
  /** Null when no number visible to this viewer matches. */
  number: NumberInfo | null;
  viewer: Viewer;
}

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface PrefixResult {
  kind: 'prefix';
  query: string;
  /** The digits the user typed, normalised (used to ask for the next page). */
  digits: string;
  page: Page<NumberInfo>;
  /** For bare 3–8 digits: the extension with that number, if any. */
  extension: ExtensionSummary | null;
  viewer: Viewer;
}

export type LookupResult = WhoOwnsResult | PrefixResult;

/** "Who owns these numbers?" on a message: each number found, answered as a typed lookup. */
export interface MessageNumbersResult {
  /** In the order they appear in the message, at most the first 20. */
  results: WhoOwnsResult[];
  /** Numbers found beyond those answered. */
  more: number;
  viewer: Viewer;
}

export interface ExtensionResult {
  extension: ExtensionSummary;
  numbers: NumberInfo[];
  /** True when RingCentral showed this viewer only the direct numbers of another extension. */
  limitedView: boolean;
  viewer: Viewer;
}

export interface FindResult {
  text: string;
  page: Page<ExtensionSummary>;
  viewer: Viewer;
}

export interface NumbersResult {
  extension: ExtensionSummary;
  numbers: NumberInfo[];
  isSelf: boolean;
  limitedView: boolean;
  viewer: Viewer;
}

export interface CompanyResult {
  accountId: string;
  companyName: string | null;
  mainNumber: string | null;
  servicePlan: string | null;
  status: string | null;
  homeCountry: string | null;
  /** Company-level numbers; null when this viewer's role may not list them. */
  numbers: NumberInfo[] | null;
  viewer: Viewer;
}

export interface ForwardingEntry {
  label: string | null;
  e164: string | null;
  /** As RingCentral gave it, for numbers that are not E.164. */
  raw: string | null;
  /** Home, Mobile, Work, PhoneLine, Outage, Other, BusinessMobilePhone, ExtensionApps. */
  type: string | null;
  features: string[];
  flipNumber: string | null;
  /**
   * Outside the company, whatever its type or label (see directory/personal-numbers.ts): not a
   * company device or extension, nor a number the asker's token shows as the company's.
   */
  personal: boolean;
}

export interface ForwardingResult {
  extension: ExtensionSummary;
  isSelf: boolean;
  /** Ordered by flip number. */
  entries: ForwardingEntry[];
  viewer: Viewer;
}
