import metadata from 'libphonenumber-js/min/metadata';

// Taken from the metadata rather than from getCountries() so non-geographic codes (+800, +882…)
// count too.
const CALLING_CODES: ReadonlySet<string> = new Set(Object.keys(metadata.country_calling_codes));

/**
 * The country calling code that `digits` begin with, or null. Calling codes are prefix-free
 * (no code is the start of another), so at most one of the 1–3 digit candidates can match.
 */
export function leadingCallingCode(digits: string): string | null {
  for (let length = 1; length <= 3 && length <= digits.length; length += 1) {
    const candidate = digits.slice(0, length);
    if (CALLING_CODES.has(candidate)) return candidate;
  }
  return null;
}
