/**
 * The phone numbers of a generated company: one main number, an additional one, company numbers
 * (the first ones on the IVR menus), fax numbers on fax users, forwarded numbers, and direct
 * numbers for the rest, handed out to the extensions in turn (one each first, then a second...).
 */
import type {
  Extension,
  NumberFeature,
  NumberStatus,
  NumberType,
  PhoneNumber,
  UsageType,
} from './company';
import { AREA_CODES, TOLL_FREE_CODES } from './name-lists';
import type { Rng } from './prng';

/** Extension types that get direct numbers; announcements and park locations rarely do. */
const DIRECT_NUMBER_TYPES = new Set([
  'User',
  'DigitalUser',
  'VirtualUser',
  'Department',
  'SharedLinesGroup',
  'Voicemail',
]);

interface NumberOptions {
  tollFree?: boolean;
  type?: NumberType;
  features?: NumberFeature[];
  extensionId?: string | undefined;
}

export function generateNumbers(rng: Rng, extensions: Extension[], total: number): PhoneNumber[] {
  const used = new Set<number>();
  // A company's numbers cluster in a few home area codes, with the rest spread nationwide.
  const home = [rng.pick(AREA_CODES), rng.pick(AREA_CODES), rng.pick(AREA_CODES)].map(Number);
  const local = AREA_CODES.map(Number);
  const tollFreeCodes = TOLL_FREE_CODES.map(Number);
  const fresh = (tollFree: boolean): string => {
    // Numbers are drawn as integers (area, exchange, line): cheaper to keep unique than strings.
    for (;;) {
      const area = tollFree
        ? rng.pick(tollFreeCodes)
        : rng.chance(0.6)
          ? rng.pick(home)
          : rng.pick(local);
      const n = area * 10000000 + rng.int(200, 999) * 10000 + rng.int(0, 9999);
      if (!used.has(n)) {
        used.add(n);
        return `+1${n}`;
      }
    }
  };
  const numbers: PhoneNumber[] = [];
  const add = (usageType: UsageType, opts: NumberOptions) => {
    if (numbers.length >= total) return;
    const external = usageType === 'ForwardedNumber' || usageType === 'ForwardedCompanyNumber';
    const roll = rng.next();
    const status: NumberStatus = roll < 0.98 ? 'Normal' : roll < 0.99 ? 'PortedIn' : 'Pending';
    const tollFree = opts.tollFree ?? false;
    const n: PhoneNumber = {
      id: `${1000000 + numbers.length}004`,
      phoneNumber: fresh(tollFree),
      usageType,
      paymentType: external ? 'External' : tollFree ? 'TollFree' : 'Local',
      status: usageType === 'MainCompanyNumber' ? 'Normal' : status,
      features: opts.features ?? (external ? [] : ['CallerId']),
    };
    if (!external) n.type = opts.type ?? 'VoiceFax';
    if (opts.extensionId) n.extensionId = opts.extensionId;
    numbers.push(n);
  };

  add('MainCompanyNumber', { tollFree: true });
  add('AdditionalCompanyNumber', {});
  const menus = extensions.filter((e) => e.type === 'IvrMenu');
  const companyCount = Math.max(1, Math.round(total * 0.01));
  for (let i = 0; i < companyCount; i++) {
    const menu = menus[i];
    add('CompanyNumber', { tollFree: rng.chance(0.3), extensionId: menu?.id });
  }
  const faxUsers = extensions.filter((e) => e.type === 'FaxUser');
  for (const fax of faxUsers.length > 0 ? faxUsers : [undefined]) {
    add('CompanyFaxNumber', { type: 'FaxOnly', features: [], extensionId: fax?.id });
  }
  const forwardedCount = Math.max(1, Math.round(total * 0.005));
  for (let i = 0; i < forwardedCount; i++) add('ForwardedNumber', {});
  add('ForwardedCompanyNumber', {});

  const owners = extensions.filter((e) => DIRECT_NUMBER_TYPES.has(e.type));
  for (let i = 0; numbers.length < total && owners.length > 0; i++) {
    const owner = owners[i % owners.length] as Extension;
    const personal = owner.type !== 'Department' && owner.type !== 'Voicemail';
    add('DirectNumber', {
      extensionId: owner.id,
      type: rng.chance(0.7) ? 'VoiceFax' : 'VoiceOnly',
      features: personal ? ['CallerId', 'SmsSender'] : ['CallerId'],
    });
  }
  // With no extension to own them, the remaining numbers are unassigned company numbers.
  while (numbers.length < total) add('CompanyNumber', {});
  return numbers;
}
