/**
 * A large, realistic company built from a seed: every extension type (mostly Users with unique
 * names and emails, some disabled, a few admins), numbers of every usage type (mostly direct
 * numbers spread over US area codes) and forwarding lists with personal mobiles. The same seed
 * always gives the same company, so benchmarks and tests can name people and numbers.
 */
import {
  type Company,
  EXTENSION_TYPES,
  type Extension,
  type ExtensionType,
  type ForwardingFeature,
  type ForwardingNumber,
  type ForwardingType,
  PERSONAL_EXTENSION_TYPES,
} from './company';
import { generateNumbers } from './generate-numbers';
import { DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './name-lists';
import { createRng, type Rng } from './prng';

export interface GenerateCompanyOptions {
  seed: number | string;
  /** How many extensions, the system extension included. */
  extensions: number;
  /** How many phone numbers the account owns. */
  numbers: number;
}

const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Soylent'];
const COMPANY_SUFFIXES = ['Inc.', 'Corp', 'LLC', 'Group'];

/** Share of each non-User type among the extensions after the first few; the rest are Users. */
const OTHER_TYPE_SHARE: [ExtensionType, number][] = [
  ['DigitalUser', 0.03],
  ['VirtualUser', 0.02],
  ['FaxUser', 0.015],
  ['Department', 0.03],
  ['Announcement', 0.01],
  ['Voicemail', 0.01],
  ['SharedLinesGroup', 0.01],
  ['PagingOnly', 0.005],
  ['IvrMenu', 0.01],
  ['ParkLocation', 0.005],
];

const SYSTEM_NAMES: Partial<Record<ExtensionType, string>> = {
  FaxUser: 'Fax',
  Department: 'Queue',
  Announcement: 'Announcement',
  Voicemail: 'Voicemail',
  SharedLinesGroup: 'Shared Lines',
  PagingOnly: 'Paging Group',
  IvrMenu: 'Menu',
  ParkLocation: 'Park Location',
};

function planTypes(rng: Rng, count: number): ExtensionType[] {
  // Every type once (when there is room), then a weighted draw; shuffled so types interleave.
  const rest: ExtensionType[] = EXTENSION_TYPES.filter((t) => t !== 'User').slice(0, count - 1);
  while (rest.length < count - 1) {
    let roll = rng.next();
    let type: ExtensionType = 'User';
    for (const [candidate, share] of OTHER_TYPE_SHARE) {
      if (roll < share) {
        type = candidate;
        break;
      }
      roll -= share;
    }
    rest.push(type);
  }
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = rest[i] as ExtensionType;
    rest[i] = rest[j] as ExtensionType;
    rest[j] = a;
  }
  return count > 0 ? ['User', ...rest] : [];
}

interface PeopleNames {
  next(): { first: string; last: string; name: string; emailLocal: string };
}

/**
 * Unique names drawn from a shuffled list of every first/last pair (no retry loops, so 10,000
 * people cost the same as 10); once every pair is used, middle initials make new ones.
 */
function uniqueNames(rng: Rng): PeopleNames {
  const pairs = FIRST_NAMES.length * LAST_NAMES.length;
  const order = Array.from({ length: pairs }, (_, i) => i);
  for (let i = pairs - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = order[i] as number;
    order[i] = order[j] as number;
    order[j] = a;
  }
  let drawn = 0;
  return {
    next() {
      const pair = order[drawn % pairs] as number;
      const round = Math.floor(drawn / pairs);
      drawn += 1;
      const first = FIRST_NAMES[pair % FIRST_NAMES.length] as string;
      const last = LAST_NAMES[Math.floor(pair / FIRST_NAMES.length)] as string;
      // Round 0 uses plain names; later rounds add an initial (A., B., …, then AA., …).
      const initial = round === 0 ? '' : initialOf(round - 1);
      const name = initial ? `${first} ${initial}. ${last}` : `${first} ${last}`;
      const emailLocal = [first, initial, last].filter(Boolean).join('.').toLowerCase();
      return { first, last, name, emailLocal };
    },
  };
}

function initialOf(n: number): string {
  const letter = String.fromCharCode(65 + (n % 26));
  return n < 26 ? letter : `${initialOf(Math.floor(n / 26) - 1)}${letter}`;
}

/** Chance, area code, label (null: the device's name), type and features of each kind. */
const FORWARDING_KINDS: [number, string, string | null, ForwardingType, ForwardingFeature[]][] = [
  [1, '480', null, 'PhoneLine', ['CallFlip']],
  [0.75, '650', 'Mobile', 'Mobile', ['CallForwarding', 'CallFlip']],
  [0.25, '415', 'Home', 'Home', ['CallForwarding']],
  [0.1, '212', 'Work', 'Work', ['CallForwarding', 'CallFlip']],
  [0.05, '303', 'Car Phone', 'Other', ['CallForwarding']],
];

/** A person's forwarding list: a desk or soft phone, then often a personal mobile, and so on. */
function forwardingFor(rng: Rng, name: string, nextId: () => string): ForwardingNumber[] {
  const list: ForwardingNumber[] = [];
  const device = rng.chance(0.5) ? 'Softphone' : 'Desk Phone';
  for (const [chance, area, label, type, features] of FORWARDING_KINDS) {
    if (chance < 1 && !rng.chance(chance)) continue;
    list.push({
      id: nextId(),
      phoneNumber: `+1${area}${rng.int(2000000, 9999999)}`,
      label: label ?? `${name} ${device}`,
      features: features.slice(),
      flipNumber: String(list.length + 1),
      type,
    });
  }
  return list;
}

export function generateCompany(options: GenerateCompanyOptions): Company {
  const rng = createRng(options.seed);
  const count = Math.max(1, Math.floor(options.extensions));
  const word = rng.pick(COMPANY_WORDS);
  const companyName = `${word} ${rng.pick(COMPANY_SUFFIXES)}`;
  const domain = `${word.toLowerCase()}.example.com`;
  const accountId = `${rng.int(200000, 399999)}008`;
  const names = uniqueNames(rng);
  const typeCounts = new Map<ExtensionType, number>();
  let forwardingId = 7000000;

  const extensions: Extension[] = planTypes(rng, count).map((type, i) => {
    const id = i === 0 ? accountId : `${1000000 + i}008`;
    const extensionNumber = String(101 + i);
    const seen = (typeCounts.get(type) ?? 0) + 1;
    typeCounts.set(type, seen);
    if (!PERSONAL_EXTENSION_TYPES.includes(type)) {
      const department = rng.pick(DEPARTMENTS);
      const base =
        type === 'IvrMenu' && seen === 1 ? 'Main Menu' : `${department} ${SYSTEM_NAMES[type]}`;
      return {
        id,
        extensionNumber,
        type,
        status: 'Enabled',
        name: seen === 1 ? base : `${base} ${seen}`,
        department,
        isAdmin: false,
        forwarding: [],
      };
    }
    const who = names.next();
    const roll = rng.next();
    const status = i === 0 || roll < 0.9 ? 'Enabled' : roll < 0.97 ? 'Disabled' : 'NotActivated';
    return {
      id,
      extensionNumber,
      type,
      status,
      name: who.name,
      firstName: who.first,
      lastName: who.last,
      email: `${who.emailLocal}@${domain}`,
      jobTitle: rng.pick(JOB_TITLES),
      department: rng.pick(DEPARTMENTS),
      // The first User is the system extension, which always has full rights.
      isAdmin: i === 0 || (type === 'User' && rng.chance(0.02)),
      forwarding: forwardingFor(rng, who.name, () => {
        forwardingId += 1;
        return String(forwardingId);
      }),
    };
  });

  const phoneNumbers = generateNumbers(rng, extensions, Math.max(1, Math.floor(options.numbers)));
  const main = phoneNumbers[0]?.phoneNumber ?? '+18005550100';
  return {
    accountId,
    companyName,
    mainNumber: main,
    status: 'Confirmed',
    brand: { id: '1210', name: companyName },
    homeCountry: { id: '1', isoCode: 'US', name: 'United States', callingCode: '1' },
    servicePlan: { id: '1216', name: 'Professional', edition: 'Standard' },
    billingPlan: {
      id: '159',
      name: 'Monthly - Pro',
      durationUnit: 'Month',
      duration: 1,
      type: 'Regular',
    },
    operatorExtensionId: accountId,
    extensions,
    phoneNumbers,
  };
}
