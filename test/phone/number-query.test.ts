import type { CountryCode } from 'libphonenumber-js/min';
import {
  isBareDigits,
  type NumberQuery,
  numberShapeProblem,
  parseNumberQuery,
  prefixMatches,
  queryPrefixes,
} from '../../src/phone/number-query';

describe('parseNumberQuery: complete numbers are looked up exactly', () => {
  it.each<[string, string, CountryCode?]>([
    ['+1 (650) 331-6252', '+16503316252'],
    ['650.331.6252', '+16503316252'],
    ['16503316252', '+16503316252'],
    ['(650) 331 6252', '+16503316252'],
    ['650-331-6252', '+16503316252'],
    ['  +1 650 331 6252  ', '+16503316252'],
    ['1 (650) 331-6252', '+16503316252'],
    ['+1\u00a0650\u2011331\u20136252', '+16503316252'], // pasted: no-break space, Unicode dashes
    ['+44 20 7946 0958', '+442079460958'],
    ['+61 2 9876 5432', '+61298765432'],
    ['+33 1 42 68 53 00', '+33142685300'],
    ['011 44 20 7946 0958', '+442079460958'], // dialled from the US with its international prefix
    ['442079460958', '+442079460958'], // country code typed without '+'
    ['650 555 0100', '+16505550100'], // fictional 555 numbers still count as whole
    ['555 123 4567', '+15551234567'],
    ['+1 555 555 5555', '+15555555555'],
    ['020 7946 0958', '+442079460958', 'GB'],
    ['(604) 555-0199', '+16045550199', 'CA'],
  ])('%j is the number %s', (...[input, e164, country]) => {
    expect(parseNumberQuery(input, country)).toEqual({ kind: 'full', e164 });
  });
});

describe('parseNumberQuery: partial digits search by the start of a number', () => {
  it.each<[string, Omit<Extract<NumberQuery, { kind: 'prefix' }>, 'kind'>, CountryCode?]>([
    // Without '+', both the E.164 and the national reading are kept.
    [
      '1650',
      { digits: '1650', e164Prefix: '+1650', nationalPrefix: '650', nationalCallingCode: '1' },
    ],
    [
      '650331',
      {
        digits: '650331',
        e164Prefix: '+650331',
        nationalPrefix: '650331',
        nationalCallingCode: '1',
      },
    ],
    [
      '1650*',
      { digits: '1650', e164Prefix: '+1650', nationalPrefix: '650', nationalCallingCode: '1' },
    ],
    [
      '650 331*',
      {
        digits: '650331',
        e164Prefix: '+650331',
        nationalPrefix: '650331',
        nationalCallingCode: '1',
      },
    ],
    [
      '6503316',
      {
        digits: '6503316',
        e164Prefix: '+6503316',
        nationalPrefix: '6503316',
        nationalCallingCode: '1',
      },
    ],
    // A whole number followed by '*' is still a prefix: the user asked for a search.
    [
      '16503316252*',
      {
        digits: '16503316252',
        e164Prefix: '+16503316252',
        nationalPrefix: '6503316252',
        nationalCallingCode: '1',
      },
    ],
    // With '+', only the E.164 reading makes sense.
    [
      '+1650*',
      { digits: '1650', e164Prefix: '+1650', nationalPrefix: null, nationalCallingCode: null },
    ],
    [
      '+1650',
      { digits: '1650', e164Prefix: '+1650', nationalPrefix: null, nationalCallingCode: null },
    ],
    [
      '+44 20*',
      { digits: '4420', e164Prefix: '+4420', nationalPrefix: null, nationalCallingCode: null },
    ],
    [
      '+44 20 7946 09',
      {
        digits: '4420794609',
        e164Prefix: '+4420794609',
        nationalPrefix: null,
        nationalCallingCode: null,
      },
    ],
    // International dialling prefix: the digits after it are E.164.
    [
      '011 44 20*',
      { digits: '0114420', e164Prefix: '+4420', nationalPrefix: null, nationalCallingCode: null },
    ],
    // A leading 0 is no country code; in the UK it is the trunk prefix and is dropped.
    [
      '020 7946*',
      { digits: '0207946', e164Prefix: null, nationalPrefix: '207946', nationalCallingCode: '44' },
      'GB',
    ],
    [
      '1650',
      { digits: '1650', e164Prefix: '+1650', nationalPrefix: '1650', nationalCallingCode: '44' },
      'GB',
    ],
  ])('%j searches %o', (...[input, expected, country]) => {
    expect(parseNumberQuery(input, country)).toEqual({ kind: 'prefix', ...expected });
  });
});

describe('parseNumberQuery: unusable input gets a short reason, never an exception', () => {
  it.each<[string, string, RegExp]>([
    ['empty', '', /phone number/],
    ['blank', '   \t ', /phone number/],
    ['a lone wildcard', '*', /lone `\*`/],
    ['wildcards only', '**', /lone `\*`/],
    ['a plus sign only', '+', /phone number/],
    ['plus and wildcard', '+*', /lone `\*`/],
    ['letters', 'abc', /only have digits/],
    ['an extension suffix', '650 331 6252 ext 1', /only have digits/],
    ['emoji', '📞 650 331 6252', /only have digits/],
    ['markup', '<script>alert(1)</script>', /only have digits/],
    ['SQL', "'; DROP TABLE links; --", /only have digits/],
    ['16 digits', '1234567890123456', /at most 15 digits/],
    ['two digits', '12', /at least 3 digits/],
    ['two digits and a wildcard', '+1*', /at least 3 digits/],
    ['a wildcard in the middle', '16*50', /only at the end/],
    ['a leading wildcard', '*1650', /only at the end/],
    ['a plus in the middle', '1+650', /only at the very start/],
    ['over 64 characters', `+1 ${'6 '.repeat(40)}`, /too long/],
    ['10 KB', '6'.repeat(10 * 1024), /too long/],
    ['no country code starts so', '+999 123', /No phone number can start/],
  ])('%s', (_name, input, reason) => {
    const result = parseNumberQuery(input);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.reason).toMatch(reason);
      expect(result.reason.length).toBeLessThan(100);
    }
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [
      null,
      undefined,
      42,
      {},
      '\u0000',
      '\ud83d',
      '٠١٢٣٤٥٦٧٨٩',
      '+'.repeat(64),
    ];
    for (const input of weird) {
      expect(() => parseNumberQuery(input as string)).not.toThrow();
      expect(() => parseNumberQuery('650', input as CountryCode)).not.toThrow();
    }
    let seed = 7;
    const alphabet = '0123456789+*().- x#a';
    for (let i = 0; i < 2000; i += 1) {
      let text = '';
      const length = i % 30;
      for (let j = 0; j < length; j += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += alphabet[seed % alphabet.length];
      }
      expect(['full', 'prefix', 'invalid']).toContain(parseNumberQuery(text).kind);
    }
  });
});

describe('numberShapeProblem: what is wrong whatever the country', () => {
  it.each([
    ['+1 650 331 6252', null],
    ['1650*', null],
    ['*', 'A lone `*` would match every number: put at least 3 digits before it.'],
    ['12', 'Type at least 3 digits to search by the start of a number.'],
  ])('%j', (input, problem) => {
    expect(numberShapeProblem(input)).toBe(problem);
  });
});

describe('prefixMatches: a number matches on its E.164 or its national form', () => {
  const us = (input: string) => parseNumberQuery(input, 'US');
  it.each<[string, NumberQuery, boolean]>([
    ['+16503316252', us('1650'), true],
    ['+16503316252', us('650'), true], // national: area code 650
    ['+16503316252', us('650331'), true],
    ['+6503312345', us('650331'), true], // the same digits read as E.164 (+65 Singapore)
    ['+16503316252', us('+650*'), false], // '+' rules out the national reading
    ['+14155550100', us('1650'), false],
    ['+442079460958', us('+44 20*'), true],
    ['+442079460958', us('207'), false], // national form belongs to the default country only
    ['+442079460958', parseNumberQuery('020 79', 'GB'), true],
    ['+16503316252', us('+1 (650) 331-6252'), true],
    ['16503316252', us('650.331.6252'), true], // RingCentral's digits without '+'
    ['+16503316253', us('+1 (650) 331-6252'), false],
    ['+16503316252', us('*'), false],
    ['', us('1650'), false],
  ])('%s against %o is %s', (e164, query, expected) => {
    expect(prefixMatches(e164, query)).toBe(expected);
  });

  it('lists the E.164 prefixes a query stands for, without overlaps', () => {
    const expand = (input: string, country: CountryCode = 'US') => {
      const query = parseNumberQuery(input, country);
      return query.kind === 'prefix' ? queryPrefixes(query) : query.kind;
    };
    expect(expand('1650')).toEqual(['+1650']);
    expect(expand('650331')).toEqual(['+1650331', '+650331']);
    expect(expand('111')).toEqual(['+111']);
    expect(expand('+44 20*')).toEqual(['+4420']);
    expect(expand('020 7946', 'GB')).toEqual(['+44207946']);
    expect(expand('+1 650 331 6252')).toBe('full');
  });
});

describe('isBareDigits: short digit strings may also be an extension number', () => {
  it.each([
    ['101', true],
    ['  4001 ', true],
    ['12345678', true],
    ['12', false],
    ['123456789', false],
    ['101*', false],
    ['+101', false],
    ['1 01', false],
    ['ext 101', false],
    ['', false],
  ])('%j is %s', (input, expected) => {
    expect(isBareDigits(input)).toBe(expected);
  });
});
