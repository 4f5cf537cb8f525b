/** Messages between the bench and the sandbox it runs in a child process. */
import type { GenerateCompanyOptions, Person, RateGroup } from '../src/sandbox';

/** What the child knows of its company, enough to choose queries without holding the company. */
export interface CompanySample {
  companyName: string;
  extensionCount: number;
  numberCount: number;
  people: Person[];
  /** Every phone number of the account, E.164, in the company's order. */
  numbers: string[];
  /** Up to 50 numbers assigned to an extension, spread over the account. */
  ownedNumbers: string[];
  /** Extensions with their number and type, in the company's order. */
  extensions: Array<{ extensionNumber: string; type: string }>;
}

export interface SandboxReady {
  kind: 'ready';
  url: string;
  clientId: string;
  clientSecret: string;
  sample: CompanySample;
}

/** Requests the sandbox answered since the last tally, by what they cost at RingCentral. */
export interface RequestTally {
  total: number;
  byGroup: Record<RateGroup, number>;
  /** Reads of the account record (`GET /account/~`), where the home country comes from. */
  accountReads: number;
}

export type ChildRequest =
  | { id: number; kind: 'approve'; authorizeUrl: string; who: string }
  /** Answers the tally of requests since the last one, and starts counting afresh. */
  | { id: number; kind: 'tally' }
  | { id: number; kind: 'close' };

export type ChildAnswer =
  | { id: number; kind: 'ok'; value: unknown }
  | { id: number; kind: 'error'; message: string };

export interface ChildStart {
  kind: 'start';
  company: GenerateCompanyOptions;
}

export const ACCOUNT_PATH = /^\/restapi\/v1\.0\/account\/[^/]+$/;
