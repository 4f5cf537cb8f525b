import {
  AsYouType,
  type CountryCode,
  getCountryCallingCode,
  type PhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';
import { leadingCallingCode } from './calling-codes';

/** A complete number, ready for an exact lookup. */
export interface FullQuery {
  kind: 'full';
  e164: string;
}

/**
 * The start of a number. Typed digits can mean two things ("1650" may be +1 650… or a national
 * number beginning 1650), so both readings are kept and a number matches if either one does.
 */
export interface PrefixQuery {
  kind: 'prefix';
  /** Every digit typed, in order. */
  digits: string;
  /** The digits read as the start of an E.164 number ('+1650'), when they begin with a country code. */
  e164Prefix: string | null;
  /** The digits read as a national number of the default country, trunk prefix removed ('650331'). */
  nationalPrefix: string | null;
  /** The country calling code `nationalPrefix` belongs to ('1'); set exactly when it is. */
  nationalCallingCode: string | null;
}

export interface InvalidQuery {
  kind: 'invalid';
  /** Short and fit to show the user as is. */
  reason: string;
}

export type NumberQuery = FullQuery | PrefixQuery | InvalidQuery;

const MAX_INPUT_LENGTH = 64;
const MIN_PREFIX_DIGITS = 3;
const MAX_E164_DIGITS = 15;

// Separators people type or paste: whitespace (including no-break spaces), dots, parentheses,
// ASCII hyphens and the Unicode dashes that word processors substitute for them.
const SEPARATORS = /[\s.()\-\u2010-\u2015\u2212]/g;
const SHAPE = /^(\+?)(\d*)(\**)$/;

// Written for Slack mrkdwn: symbols sit in code spans so a `*` is never read as bold.
const REASONS = {
  empty: 'Type a phone number, or at least 3 digits of one.',
  tooLong: 'That is too long to be a phone number.',
  badCharacters: 'A phone number can only have digits, spaces, `+ ( ) . -` and a trailing `*`.',
  misplacedPlus: 'Put `+` only at the very start, as in `+1 650 331 6252`.',
  misplacedStar: 'Put `*` only at the end, as in `1650*`.',
  starOnly: 'A lone `*` would match every number: put at least 3 digits before it.',
  tooFewDigits: 'Type at least 3 digits to search by the start of a number.',
  tooManyDigits: 'A phone number has at most 15 digits.',
  noSuchStart: 'No phone number can start with those digits.',
  unfinishedCountryCode: 'Type the whole country code after the international prefix.',
} as const;

/**
 * Reads what a user typed as either a complete number or the start of one. Never throws: anything
 * unusable comes back as `invalid` with a reason to show.
 */
export function parseNumberQuery(input: string, defaultCountry: CountryCode = 'US'): NumberQuery {
  try {
    return parse(input, defaultCountry);
  } catch {
    // libphonenumber throws on some inputs (and on an unknown country from untyped callers); a
    // user must never see that, only that the number could not be read.
    return invalid(REASONS.badCharacters);
  }
}

/** 3–8 plain digits: short enough to also be an extension number. */
export function isBareDigits(input: string): boolean {
  return typeof input === 'string' && /^\d{3,8}$/.test(input.trim());
}

/** True when `e164` is the number a full query names, or starts like a prefix query. */
export function prefixMatches(e164: string, query: NumberQuery): boolean {
  const digits = digitsOf(e164);
  if (digits === '') return false;
  if (query.kind === 'full') return digits === digitsOf(query.e164);
  if (query.kind === 'invalid') return false;
  return digitPrefixes(query).some((prefix) => digits.startsWith(prefix));
}

/** The E.164 prefixes ('+1650') a prefix query stands for, sorted, none the start of another. */
export function queryPrefixes(query: PrefixQuery): string[] {
  return digitPrefixes(query).map((digits) => `+${digits}`);
}

/**
 * The digit strings (no '+') that a matching number's E.164 digits start with. A prefix that
 * starts with another is dropped: the shorter one already covers it, and keeping the list
 * disjoint lets an index add up range sizes without counting a number twice.
 */
export function digitPrefixes(query: PrefixQuery): string[] {
  const candidates: string[] = [];
  if (query.e164Prefix) candidates.push(digitsOf(query.e164Prefix));
  if (query.nationalPrefix && query.nationalCallingCode) {
    candidates.push(query.nationalCallingCode + digitsOf(query.nationalPrefix));
  }
  const sorted = candidates.filter((c) => c !== '').sort();
  return sorted.filter(
    (prefix, i) => !sorted.slice(0, i).some((other) => prefix.startsWith(other)),
  );
}

export function digitsOf(text: string): string {
  return typeof text === 'string' ? text.replace(/\D/g, '') : '';
}

function parse(input: string, country: CountryCode): NumberQuery {
  const shape = readShape(input);
  if ('problem' in shape) return invalid(shape.problem);
  const { international, digits, wildcard } = shape;
  if (!wildcard) {
    const e164 = completeNumber(international, digits, country);
    if (e164) return { kind: 'full', e164 };
  }
  return international ? internationalPrefix(digits) : nationalPrefix(digits, country);
}

/**
 * Why `input` cannot be a number or a number's start, whatever the country, or null when it can.
 * Lets the command parser turn away bad input early without knowing the account's country.
 */
export function numberShapeProblem(input: string): string | null {
  const shape = readShape(input);
  return 'problem' in shape ? shape.problem : null;
}

type Shape = { international: boolean; digits: string; wildcard: boolean } | { problem: string };

function readShape(input: string): Shape {
  if (typeof input !== 'string') return { problem: REASONS.empty };
  const trimmed = input.trim();
  if (trimmed === '') return { problem: REASONS.empty };
  if (trimmed.length > MAX_INPUT_LENGTH) return { problem: REASONS.tooLong };
  const compact = trimmed.replace(SEPARATORS, '');
  const match = SHAPE.exec(compact);
  if (!match) return { problem: explainBadShape(compact) };
  const digits = match[2] ?? '';
  const wildcard = (match[3] ?? '') !== '';
  if (digits === '') return { problem: wildcard ? REASONS.starOnly : REASONS.empty };
  if (digits.length > MAX_E164_DIGITS) return { problem: REASONS.tooManyDigits };
  // No complete number is this short either, so this holds for full numbers as well.
  if (digits.length < MIN_PREFIX_DIGITS) return { problem: REASONS.tooFewDigits };
  return { international: match[1] === '+', digits, wildcard };
}

function explainBadShape(compact: string): string {
  if (/^\+?[\d+*]+$/.test(compact)) {
    return /\*\d/.test(compact) ? REASONS.misplacedStar : REASONS.misplacedPlus;
  }
  return REASONS.badCharacters;
}

/** The E.164 form when the digits are a whole number, else null (they may still be a prefix). */
function completeNumber(
  international: boolean,
  digits: string,
  country: CountryCode,
): string | null {
  const parsed = parsePhoneNumberFromString(international ? `+${digits}` : digits, country);
  if (parsed && isComplete(parsed)) return parsed.number;
  // Digits too long for any number of the default country were probably typed with their country
  // code and no '+' ('442079460958'). Only a fully valid reading counts, so a stray partial
  // number is never mistaken for a foreign one.
  if (!international && validatePhoneNumberLength(digits, country) === 'TOO_LONG') {
    const foreign = parsePhoneNumberFromString(`+${digits}`);
    if (foreign?.isValid()) return foreign.number;
  }
  return null;
}

/**
 * Valid, or at least the right length with nothing longer possible. The second case keeps
 * fictional numbers (555 area codes, seeded test data) whole instead of treating them as prefixes.
 */
export function isComplete(parsed: PhoneNumber): boolean {
  if (parsed.isValid()) return true;
  return parsed.isPossible() && validatePhoneNumberLength(`${parsed.number}0`) === 'TOO_LONG';
}

function internationalPrefix(digits: string): NumberQuery {
  if (!leadingCallingCode(digits)) return invalid(REASONS.noSuchStart);
  return prefix(digits, `+${digits}`, null, null);
}

function nationalPrefix(digits: string, country: CountryCode): NumberQuery {
  const typer = new AsYouType(country);
  typer.input(digits);
  if (typer.isInternational()) {
    // Dialled with an international prefix such as 011 (US) or 00 (most of Europe).
    const callingCode = typer.getCallingCode();
    if (!callingCode) return invalid(REASONS.unfinishedCountryCode);
    const rest = typer.getNumber()?.nationalNumber ?? '';
    return prefix(digits, `+${callingCode}${rest}`, null, null);
  }
  // Digits too long for a national number can only be read with a country code in front.
  const national =
    validatePhoneNumberLength(digits, country) === 'TOO_LONG'
      ? null
      : (typer.getNumber()?.nationalNumber ?? digits);
  const e164 = leadingCallingCode(digits) ? `+${digits}` : null;
  if (!e164 && !national) return invalid(REASONS.noSuchStart);
  return prefix(digits, e164, national, national ? getCountryCallingCode(country) : null);
}

function prefix(
  digits: string,
  e164Prefix: string | null,
  nationalPrefix: string | null,
  nationalCallingCode: string | null,
): PrefixQuery {
  return { kind: 'prefix', digits, e164Prefix, nationalPrefix, nationalCallingCode };
}

function invalid(reason: string): InvalidQuery {
  return { kind: 'invalid', reason };
}
