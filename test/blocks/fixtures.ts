// Result data for the renderer tests: typical values, and hostile or huge ones.

import type { View } from '@slack/types';
import type { Message } from '../../src/blocks';
import type { AppErrorCode } from '../../src/errors';
import type {
  CompanyResult,
  ExtensionResult,
  ExtensionSummary,
  FindResult,
  ForwardingEntry,
  ForwardingResult,
  NumberInfo,
  NumbersResult,
  PrefixResult,
  Viewer,
  WhoOwnsResult,
} from '../../src/model/answers';
import type { Link, LinkedIdentity } from '../../src/store/types';

export const NOW = Date.UTC(2026, 10, 27, 14, 5);
export const AT = new Date(NOW);
const DAY = 24 * 60 * 60 * 1000;

/** Markup a name must never smuggle into a reply. */
export const EVIL =
  '<!channel> <@U999EVIL> <script>alert(1)</script> *bold* _it_ ~s~ `c` http://x.test';
export const HUGE_NAME = `${EVIL} ${'n'.repeat(500)}`;
export const HUGE_QUERY = `${EVIL}${'9'.repeat(10_000)}`;

export const admin: Viewer = {
  extensionId: '1',
  extensionNumber: '101',
  name: 'Ada Admin',
  isAdmin: true,
};
export const regular: Viewer = {
  extensionId: '4',
  extensionNumber: '104',
  name: 'Ana Ruiz',
  isAdmin: false,
};

export function ext(overrides: Partial<ExtensionSummary> = {}): ExtensionSummary {
  return {
    id: '104',
    extensionNumber: '104',
    name: 'Ana Ruiz',
    type: 'User',
    status: 'Enabled',
    email: 'ana_ruiz@example.com',
    ...overrides,
  };
}

export function num(overrides: Partial<NumberInfo> = {}): NumberInfo {
  return {
    e164: '+16503316252',
    usageType: 'DirectNumber',
    callType: 'VoiceFax',
    paymentType: 'Local',
    features: ['CallerId', 'SmsSender'],
    label: null,
    owner: ext(),
    ...overrides,
  };
}

export function whoOwns(overrides: Partial<WhoOwnsResult> = {}): WhoOwnsResult {
  return {
    kind: 'full',
    query: '+1 650 331 6252',
    e164: '+16503316252',
    number: num(),
    viewer: admin,
    ...overrides,
  };
}

export function numbers(
  count: number,
  make: (i: number) => Partial<NumberInfo> = () => ({}),
): NumberInfo[] {
  return Array.from({ length: count }, (_, i) =>
    num({ e164: `+1650331${String(i).padStart(4, '0')}`, ...make(i) }),
  );
}

export function prefix(overrides: Partial<PrefixResult> = {}, items = numbers(20)): PrefixResult {
  return {
    kind: 'prefix',
    query: '1650*',
    digits: '1650',
    page: { total: 134, offset: 0, limit: 20, items },
    extension: null,
    viewer: admin,
    ...overrides,
  };
}

export function extensionResult(overrides: Partial<ExtensionResult> = {}): ExtensionResult {
  return { extension: ext(), numbers: numbers(2), limitedView: false, viewer: admin, ...overrides };
}

export function numbersResult(overrides: Partial<NumbersResult> = {}): NumbersResult {
  return {
    extension: ext(),
    numbers: numbers(3),
    isSelf: true,
    limitedView: false,
    viewer: regular,
    ...overrides,
  };
}

export function extensions(
  count: number,
  make: (i: number) => Partial<ExtensionSummary> = () => ({}),
) {
  return Array.from({ length: count }, (_, i) =>
    ext({ id: String(200 + i), extensionNumber: String(200 + i), name: `Person ${i}`, ...make(i) }),
  );
}

export function find(overrides: Partial<FindResult> = {}, items = extensions(20)): FindResult {
  return {
    text: 'ana',
    page: { total: 45, offset: 0, limit: 20, items },
    viewer: admin,
    ...overrides,
  };
}

export function company(overrides: Partial<CompanyResult> = {}): CompanyResult {
  return {
    accountId: '400',
    companyName: 'Example Corp',
    mainNumber: '+16505550100',
    servicePlan: 'RingEX Premium',
    status: 'Confirmed',
    homeCountry: 'US',
    numbers: numbers(5, () => ({ usageType: 'CompanyNumber', owner: null })),
    viewer: admin,
    ...overrides,
  };
}

export function fwd(overrides: Partial<ForwardingEntry> = {}): ForwardingEntry {
  return {
    label: 'Mobile',
    e164: '+16505550199',
    raw: null,
    type: 'Mobile',
    features: ['CallFlip', 'CallForwarding'],
    flipNumber: '1',
    personal: true,
    ...overrides,
  };
}

export function forwarding(overrides: Partial<ForwardingResult> = {}): ForwardingResult {
  return {
    extension: ext(),
    isSelf: true,
    entries: [
      fwd({
        flipNumber: '10',
        label: 'Desk',
        type: 'PhoneLine',
        personal: false,
        e164: '+16505550110',
      }),
      fwd(),
      fwd({ flipNumber: '2', label: 'Home', type: 'Home', e164: '+16505550102' }),
    ],
    viewer: regular,
    ...overrides,
  };
}

export function identity(overrides: Partial<LinkedIdentity> = {}): LinkedIdentity {
  return {
    accountId: '400',
    extensionId: '104',
    extensionNumber: '104',
    name: 'Ana Ruiz',
    extensionType: 'User',
    isAdmin: false,
    email: 'ana@example.com',
    ...overrides,
  };
}

export function link(overrides: Partial<Link> = {}): Link {
  return {
    teamId: 'T1',
    userId: 'U0ANA',
    identity: identity(),
    tokens: {
      accessToken: 'a',
      refreshToken: 'r',
      accessTokenExpiresAt: NOW + 3_600_000,
      refreshTokenExpiresAt: NOW + 6 * DAY,
      scope: 'ReadAccounts',
      ownerId: '104',
    },
    version: 1,
    status: 'active',
    brokenReason: null,
    linkedAt: NOW - 3 * DAY,
    updatedAt: NOW,
    ...overrides,
  };
}

export const USAGE = [
  { example: '/rcnumber +1 650 331 6252', meaning: 'who owns a number' },
  { example: '/rcnumber ext 101', meaning: 'an extension' },
  { example: '/rcnumber forwarding', meaning: 'forwarding numbers (also `fwd`)' },
];

/** A named renderer call, for the table-driven tests. */
export type Rendered = Message | View;
export type Case = [name: string, render: () => Rendered];

export const CONNECT_URL = 'https://rc.example/oauth/start?s=abc';
export const SHARE = { shareable: true };
export const CODES: AppErrorCode[] = [
  'not_linked',
  'link_broken',
  'forbidden',
  'not_found',
  'no_forwarding',
  'rate_limited',
  'ringcentral_unavailable',
  'invalid_input',
  'not_admin',
  'link_changed',
  'cannot_post',
  'oauth_failed',
];
