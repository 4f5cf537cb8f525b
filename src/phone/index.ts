/** Phone numbers: parsing what people type, E.164 normalising, formatting, prefix search. */
export type { CountryCode } from 'libphonenumber-js/min';
export { leadingCallingCode } from './calling-codes';
export { findNumbersInText, type NumbersInText } from './find-in-text';
export { formatNumber, nationalForm, toE164 } from './format';
export { countryFromHomeCountry, type HomeCountryRef } from './home-country';
export {
  digitsOf,
  type FullQuery,
  type InvalidQuery,
  isBareDigits,
  type NumberQuery,
  type PrefixQuery,
  parseNumberQuery,
  prefixMatches,
  queryPrefixes,
} from './number-query';
export {
  DEFAULT_PAGE_SIZE,
  type IndexedNumber,
  type PageOptions,
  PrefixIndex,
  type SearchPage,
  type SortedNumbers,
  searchSorted,
} from './prefix-index';
