import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { type NumberQuery, parseNumberQuery, prefixMatches } from '../../src/phone/number-query';
import { type IndexedNumber, PrefixIndex } from '../../src/phone/prefix-index';

// A deterministic generator, so a failure always reproduces.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20_000);
const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(next() * items.length)] as T;
const digits = (count: number) => Array.from({ length: count }, () => pick('0123456789')).join('');

// Weighted towards one area code so some prefixes have thousands of matches, with enough
// foreign numbers that national and E.164 readings of the same digits both find something.
const MAKERS: Array<() => string> = [
  () => `+1650${pick('23456789')}${digits(6)}`,
  () => `+1650${pick('23456789')}${digits(6)}`,
  () =>
    `+1${pick(['415', '212', '646', '303', '720', '201', '604'])}${pick('23456789')}${digits(6)}`,
  () => `+4420${pick('378')}${digits(7)}`,
  () => `+44161${digits(7)}`,
  () => `+447${pick('1234579')}${digits(8)}`,
  () => `+612${digits(8)}`,
  () => `+331${digits(8)}`,
  () => `+65${pick(['0331', '6533', '8123'])}${digits(4)}`,
];

interface Owner {
  extension: string;
}

function generate(count: number): IndexedNumber<Owner>[] {
  const numbers: IndexedNumber<Owner>[] = [
    { e164: '+16503316252', value: { extension: '101' } },
    { e164: '+442079460958', value: { extension: '201' } },
  ];
  while (numbers.length < count) {
    numbers.push({ e164: pick(MAKERS)(), value: { extension: String(numbers.length) } });
  }
  return numbers;
}

const NUMBERS = generate(20_000);
const INDEX = new PrefixIndex(NUMBERS);

// The reference answer, worked out without the index or its helpers: libphonenumber splits every
// number into calling code and national significant number, and a plain filter keeps matches.
const PARTS = new Map(
  NUMBERS.map(({ e164 }) => {
    const parsed = parsePhoneNumberFromString(e164);
    return [e164, { code: parsed?.countryCallingCode, national: parsed?.nationalNumber }];
  }),
);
const FIRST_VALUE = new Map<string, Owner>();
for (const { e164, value } of NUMBERS) if (!FIRST_VALUE.has(e164)) FIRST_VALUE.set(e164, value);
const UNIQUE = [...FIRST_VALUE.keys()].sort();

function bruteForce(query: NumberQuery): string[] {
  if (query.kind === 'invalid') return [];
  if (query.kind === 'full') return UNIQUE.filter((e164) => e164 === query.e164);
  return UNIQUE.filter((e164) => {
    const parts = PARTS.get(e164);
    const byE164 = query.e164Prefix !== null && e164.startsWith(query.e164Prefix);
    const byNational =
      query.nationalPrefix !== null &&
      parts?.code === query.nationalCallingCode &&
      (parts?.national ?? '').startsWith(query.nationalPrefix);
    return byE164 || byNational;
  });
}

const found = (query: NumberQuery) =>
  INDEX.search(query, { limit: Number.POSITIVE_INFINITY }).items.map((item) => item.e164);

describe('PrefixIndex over 20,000 numbers agrees with a plain filter', () => {
  it.each<[string, CountryCode]>([
    ['1650', 'US'],
    ['650', 'US'],
    ['650331', 'US'],
    ['650 33*', 'US'],
    ['1650*', 'US'],
    ['+1650*', 'US'],
    ['+44 20*', 'US'],
    ['44 20', 'US'],
    ['415', 'US'],
    ['604', 'US'],
    ['+61 2', 'US'],
    ['+33 1', 'US'],
    ['011 44 161', 'US'],
    ['0207', 'US'],
    ['999', 'US'],
    ['101', 'US'],
    ['020 7', 'GB'],
    ['0161', 'GB'],
    ['077', 'GB'],
    ['0771', 'GB'],
    ['1650', 'GB'],
    ['+1 650', 'GB'],
    ['02 98', 'AU'],
    ['+1 (650) 331-6252', 'US'],
    ['+44 20 7946 0958', 'US'],
    ['*', 'US'],
  ])('%j (%s)', (input, country) => {
    const query = parseNumberQuery(input, country);
    const expected = bruteForce(query);
    expect(found(query)).toEqual(expected);
    expect(INDEX.search(query).total).toBe(expected.length);
  });

  it('finds the same as the filter for prefixes cut from real entries', () => {
    let nonEmpty = 0;
    for (let i = 0; i < 120; i += 1) {
      const e164 = pick(UNIQUE);
      const parts = PARTS.get(e164);
      const national = parts?.national ?? '';
      const inputs: Array<[string, CountryCode]> = [
        [`+${e164.slice(1, 2 + Math.floor(next() * (e164.length - 2)))}*`, 'US'],
        [national.slice(0, 3 + Math.floor(next() * (national.length - 3))), 'US'],
        [`0${national.slice(0, 2 + Math.floor(next() * 6))}`, 'GB'],
      ];
      for (const [input, country] of inputs) {
        const query = parseNumberQuery(input, country);
        const expected = bruteForce(query);
        if (expected.length > 0) nonEmpty += 1;
        expect(found(query)).toEqual(expected);
        // The predicate callers use one number at a time says the same (sampled: it is slow).
        if (i % 4 === 0) {
          expect(UNIQUE.filter((number) => prefixMatches(number, query))).toEqual(expected);
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(120);
  });

  it('holds every distinct number, and looks one up exactly', () => {
    expect(INDEX.size).toBe(UNIQUE.length);
    expect(INDEX.get('+16503316252')).toEqual({ extension: '101' });
    expect(INDEX.get('16503316252')).toEqual({ extension: '101' });
    expect(INDEX.get('+442079460958')).toEqual({ extension: '201' });
    expect(INDEX.get('+19999999999')).toBeUndefined();
    const sample = pick(UNIQUE);
    expect(INDEX.get(sample)).toBe(FIRST_VALUE.get(sample));
  });

  it('answers a full number with its owner', () => {
    const page = INDEX.search(parseNumberQuery('650.331.6252'));
    expect(page).toEqual({
      total: 1,
      items: [{ e164: '+16503316252', value: { extension: '101' } }],
    });
  });
});

describe('PrefixIndex paging', () => {
  // Both readings match here (+1 650 331… and +65 0331…), so pages cross from one run to the next.
  const query = parseNumberQuery('650331');
  const all = bruteForce(query);

  it('walks every match exactly once, in E.164 order, whatever the page size', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const limit of [1, 3, 7, 20]) {
      const seen: string[] = [];
      for (let offset = 0; offset < all.length; offset += limit) {
        const page = INDEX.search(query, { offset, limit });
        expect(page.total).toBe(all.length);
        expect(page.items.length).toBe(Math.min(limit, all.length - offset));
        seen.push(...page.items.map((item) => item.e164));
      }
      expect(seen).toEqual(all);
    }
  });

  it('gives an empty page past the end but still says how many there are', () => {
    expect(INDEX.search(query, { offset: all.length, limit: 20 })).toEqual({
      total: all.length,
      items: [],
    });
  });

  it('pages 20 at a time by default and treats odd paging values sensibly', () => {
    expect(INDEX.search(query).items.map((i) => i.e164)).toEqual(all.slice(0, 20));
    expect(INDEX.search(query, { offset: -5, limit: 2.9 }).items.map((i) => i.e164)).toEqual(
      all.slice(0, 2),
    );
    expect(INDEX.search(query, { limit: 0 })).toEqual({ total: all.length, items: [] });
    expect(INDEX.search(query, { offset: Number.NaN }).items.length).toBe(20);
  });

  it('finds nothing for invalid queries', () => {
    expect(INDEX.search(parseNumberQuery('*'))).toEqual({ total: 0, items: [] });
    expect(INDEX.search(parseNumberQuery("'; DROP TABLE"))).toEqual({ total: 0, items: [] });
  });
});

describe('PrefixIndex edge cases', () => {
  it('keeps the first owner of a number listed twice, in either form', () => {
    const index = new PrefixIndex([
      { e164: '+16503316252', value: 'first' },
      { e164: '16503316252', value: 'second' },
      { e164: '', value: 'no digits' },
    ]);
    expect(index.size).toBe(1);
    expect(index.get('+16503316252')).toBe('first');
    expect(index.search(parseNumberQuery('1650')).items).toEqual([
      { e164: '+16503316252', value: 'first' },
    ]);
  });

  it('is empty when built from nothing', () => {
    const index = new PrefixIndex<string>([]);
    expect(index.search(parseNumberQuery('1650'))).toEqual({ total: 0, items: [] });
    expect(index.get('+16503316252')).toBeUndefined();
  });
});
