import type { CountryCode } from 'libphonenumber-js/min';
import { formatNumber, toE164 } from '../../src/phone/format';
import { countryFromHomeCountry } from '../../src/phone/home-country';

describe('formatNumber: readable international form', () => {
  it.each([
    ['+16503316252', '+1 650 331 6252'],
    ['+442079460958', '+44 20 7946 0958'],
    ['+61298765432', '+61 2 9876 5432'],
    ['+15555555555', '+1 555 555 5555'],
    ['not a number', 'not a number'],
    ['', ''],
  ])('%j reads %j', (e164, shown) => {
    expect(formatNumber(e164)).toBe(shown);
  });
});

describe('toE164: what RingCentral returns becomes E.164', () => {
  it.each<[string, string | null, CountryCode?]>([
    ['+16503316252', '+16503316252'],
    ['16503316252', '+16503316252'],
    ['6503316252', '+16503316252'],
    ['(650) 331-6252', '+16503316252'],
    [' +1 650 331 6252 ', '+16503316252'],
    ['442079460958', '+442079460958'],
    ['+442079460958', '+442079460958'],
    ['02079460958', '+442079460958', 'GB'],
    ['16503316252', '+16503316252', 'GB'],
    ['+15555555555', '+15555555555'],
    ['+1650', null],
    ['1650', null],
    ['', null],
    ['abc', null],
    ['+', null],
  ])('%j is %j', (...[raw, e164, country]) => {
    expect(toE164(raw, country)).toBe(e164);
  });

  it('returns null instead of throwing on non-strings', () => {
    expect(toE164(undefined as unknown as string)).toBeNull();
    expect(toE164(16503316252 as unknown as string)).toBeNull();
  });
});

describe('countryFromHomeCountry: national numbers are read in the account home country', () => {
  it.each<[Parameters<typeof countryFromHomeCountry>[0], CountryCode]>([
    [{ id: '1', isoCode: 'US' }, 'US'],
    [{ id: '1' }, 'US'],
    [{ id: '39' }, 'CA'],
    [{ id: '224' }, 'GB'],
    [{ id: '224', isoCode: 'GB' }, 'GB'],
    [{ id: '999', isoCode: 'de' }, 'DE'], // isoCode wins over an id we do not know
    [{ isoCode: 'UK' }, 'GB'],
    [{ isoCode: 'ZZ' }, 'US'],
    [{ id: '999' }, 'US'],
    [{}, 'US'],
    ['224', 'GB'],
    [39, 'CA'],
    ['au', 'AU'],
    [null, 'US'],
    [undefined, 'US'],
  ])('%o is %s', (home, country) => {
    expect(countryFromHomeCountry(home)).toBe(country);
  });
});
