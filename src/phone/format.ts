import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { isComplete } from './number-query';

/** Readable international form ('+1 650 331 6252'); the input itself when it cannot be read. */
export function formatNumber(e164: string): string {
  return parseE164(e164)?.formatInternational() ?? e164;
}

/**
 * The number as dialled inside its own country ('(650) 331-6252') and that country's ISO code,
 * for spreadsheets; empty when it cannot be read.
 */
export function nationalForm(e164: string): { national: string; country: string } {
  const parsed = parseE164(e164);
  return { national: parsed?.formatNational() ?? '', country: parsed?.country ?? '' };
}

/**
 * Normalises a number as RingCentral returns it ('+16503316252', '16503316252', '(650) 331-6252')
 * to E.164, or null when it is not a complete number. Digits without '+' are read both as a
 * national number of `defaultCountry` and as country code + number; a valid reading beats a
 * merely possible one, and the national reading wins ties.
 */
export function toE164(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  try {
    if (typeof raw !== 'string') return null;
    const text = raw.trim();
    if (!/\d/.test(text)) return null;
    if (text.startsWith('+')) {
      const parsed = parsePhoneNumberFromString(text);
      return parsed && isComplete(parsed) ? parsed.number : null;
    }
    const readings = [
      parsePhoneNumberFromString(text, defaultCountry),
      parsePhoneNumberFromString(`+${text.replace(/\D/g, '')}`),
    ];
    const valid = readings.find((reading) => reading?.isValid());
    if (valid) return valid.number;
    const complete = readings.find((reading) => reading && isComplete(reading));
    return complete ? complete.number : null;
  } catch {
    return null;
  }
}

function parseE164(e164: string) {
  try {
    return typeof e164 === 'string' ? parsePhoneNumberFromString(e164.trim()) : undefined;
  } catch {
    return undefined;
  }
}
