import {
  type CountryCode,
  findPhoneNumbersInText,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';

/** The phone numbers found in a text: the first `limit`, and how many there were in all. */
export interface NumbersInText {
  /** E.164, each once, in the order they first appear. */
  numbers: string[];
  /** Every distinct number found, the ones past `limit` included. */
  total: number;
}

/** Slack caps a message at 40,000 characters; anything longer is read only this far. */
const MAX_TEXT = 40_000;

/**
 * Words that make the digits after them an identifier, not a phone number ("order #4155551234",
 * "invoice no. 8005551234"), and a bare `#` ("ticket #6503316252").
 */
const IDENTIFIER_BEFORE =
  /(?:#|\b(?:order|invoice|inv|ticket|case|ref|reference|tracking|confirmation|booking|po|sku|serial|acct|account|id)\b[\s:.#-]*(?:no\.?|nr\.?|num(?:ber)?|id)?)[\s:.#-]*$/i;

/**
 * Runs of digits written the way people write numbers of another country: at least two groups
 * split by spaces, dots or dashes ("44 20 7946 0958"), with no `+` (those the matcher reads).
 */
const GROUPED_DIGITS = /(?<![\w+.\-/:])\d{1,4}(?:[ .-]\d{1,6}){1,6}(?![\w/:]|[.-]\d)/g;

/** Dates and times are never numbers, however their digits would parse. */
const DATE_OR_TIME =
  /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)$/;

const MIN_INTERNATIONAL_DIGITS = 8;

/**
 * Marks no phone number contains. The matcher's candidates may run across a comma into the
 * next number ("+44 20 7946 0958, 415…"), so each stretch between them is read on its own.
 */
const BREAKS = /[,;|\n\t]+/g;

/**
 * Every phone number in a message, as a person reading it would find them: libphonenumber's
 * matcher reads numbers in the workspace's home country first (national forms, and `+` or the
 * country's international prefix for others), then grouped digits that are no home number are
 * read as international numbers written without their `+`. Dates, times, version strings and
 * identifiers such as order numbers are left alone.
 */
export function findNumbersInText(
  text: string,
  homeCountry: CountryCode,
  limit: number,
): NumbersInText {
  const source = typeof text === 'string' ? text.slice(0, MAX_TEXT) : '';
  const found: Array<{ at: number; e164: string }> = [];
  const covered: Array<[number, number]> = [];
  for (const [offset, stretch] of stretches(source)) {
    for (const match of safeFind(stretch, homeCountry)) {
      const at = offset + match.startsAt;
      covered.push([at, offset + match.endsAt]);
      if (isIdentifier(source, at)) continue;
      if (match.number.isValid()) found.push({ at, e164: match.number.number });
    }
  }
  for (const run of source.matchAll(GROUPED_DIGITS)) {
    const at = run.index ?? 0;
    const end = at + run[0].length;
    if (covered.some(([from, to]) => at < to && end > from)) continue;
    const e164 = internationalReading(run[0]);
    if (e164 && !isIdentifier(source, at)) found.push({ at, e164 });
  }
  const unique = [...new Set(found.sort((a, b) => a.at - b.at).map((item) => item.e164))];
  return { numbers: unique.slice(0, Math.max(0, limit)), total: unique.length };
}

/** The stretches of text between breaks, each with where it starts. */
function stretches(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let from = 0;
  for (const mark of text.matchAll(BREAKS)) {
    const at = mark.index ?? 0;
    if (at > from) out.push([from, text.slice(from, at)]);
    from = at + mark[0].length;
  }
  if (from < text.length) out.push([from, text.slice(from)]);
  return out;
}

function safeFind(text: string, country: CountryCode) {
  try {
    return findPhoneNumbersInText(text, { defaultCountry: country });
  } catch {
    // The matcher has thrown on odd input before; a message then simply has no numbers.
    return [];
  }
}

function isIdentifier(text: string, at: number): boolean {
  return IDENTIFIER_BEFORE.test(text.slice(Math.max(0, at - 30), at));
}

/** The run read as `+` and its digits, when that is a valid number and not a date or time. */
function internationalReading(run: string): string | null {
  if (DATE_OR_TIME.test(run)) return null;
  const digits = run.replace(/\D/g, '');
  if (digits.length < MIN_INTERNATIONAL_DIGITS || digits.startsWith('0')) return null;
  try {
    const parsed = parsePhoneNumberFromString(`+${digits}`);
    return parsed?.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}
