import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/min';

/** What RingCentral puts in `serviceInfo.brand.homeCountry` (and other country references). */
export interface HomeCountryRef {
  id?: string | number | null;
  isoCode?: string | null;
}

// RingCentral's own country ids (`/restapi/v1.0/dictionary/country/{id}`), used only when the
// reference carries no isoCode. Only the brands' home countries that matter here are listed.
const COUNTRY_BY_RINGCENTRAL_ID: Readonly<Record<string, CountryCode>> = {
  '1': 'US',
  '39': 'CA',
  '224': 'GB',
};

const FALLBACK: CountryCode = 'US';

/**
 * The region to read national-form numbers in, from RingCentral's home country reference. Accepts
 * the reference object, a bare id ('224') or a bare ISO code ('gb'); anything unknown gives 'US',
 * where most RingCentral accounts live.
 */
export function countryFromHomeCountry(
  home: HomeCountryRef | string | number | null | undefined,
): CountryCode {
  if (home === null || home === undefined) return FALLBACK;
  if (typeof home === 'string' || typeof home === 'number') {
    const text = String(home).trim();
    return /^[A-Za-z]{2}$/.test(text) ? fromIsoCode(text) : fromId(text);
  }
  if (typeof home.isoCode === 'string' && home.isoCode.trim() !== '') {
    return fromIsoCode(home.isoCode.trim());
  }
  return home.id === null || home.id === undefined ? FALLBACK : fromId(String(home.id).trim());
}

function fromIsoCode(isoCode: string): CountryCode {
  const upper = isoCode.toUpperCase();
  // 'UK' is the everyday spelling, but the ISO code (and libphonenumber) only knows 'GB'.
  if (upper === 'UK') return 'GB';
  return isSupportedCountry(upper) ? upper : FALLBACK;
}

function fromId(id: string): CountryCode {
  return COUNTRY_BY_RINGCENTRAL_ID[id] ?? FALLBACK;
}
