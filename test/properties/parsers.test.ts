/**
 * Property-based tests of the command parser and the phone-number parser: random and mutated
 * input (any Unicode, huge strings, commands with noise in them, numbers in every punctuation)
 * never throws, always yields one of the known results, and well-formed numbers survive any
 * formatting a person might type.
 */
import fc from 'fast-check';
import { MAX_COMMAND_LENGTH, parseCommand } from '../../src/grammar';
import { formatNumber, parseNumberQuery, prefixMatches, toE164 } from '../../src/phone';
import { report, SEED } from './figures';

const RUNS = 1000;
const KINDS = new Set([
  'modal',
  'help',
  'link',
  'unlink',
  'me',
  'company',
  'lookup',
  'extension',
  'find',
  'numbers',
  'forwarding',
  'onboard',
  'invalid',
]);
const E164 = /^\+[1-9]\d{6,14}$/;

/** Known-good numbers of several countries, in E.164. */
const NUMBERS = [
  '+16503316252',
  '+18556229374',
  '+442071838750',
  '+33142685300',
  '+4930901820',
  '+61293744000',
  '+919876543210',
  '+5511987654321',
];

const KEYWORDS = ['ext', 'find', 'numbers', 'fwd', 'forwarding', 'company', 'help', 'me', 'link'];
const NOISE = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '*',
  '+',
  '-',
  '.',
  '(',
  ')',
  '@',
  '<',
  '>',
  '#',
);

/** Commands people type, then mutated: pieces repeated, noise added, cases changed. */
const mutatedCommand = fc
  .tuple(
    fc.constantFrom(...KEYWORDS, ''),
    fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9 ()+.*-]{0,30}$/)),
    fc.array(NOISE, { maxLength: 6 }),
    fc.boolean(),
  )
  .map(([keyword, rest, noise, upper]) => {
    const text = `${keyword} ${rest}${noise.join('')}`;
    return upper ? text.toUpperCase() : text;
  });

const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.string({ minLength: MAX_COMMAND_LENGTH - 5, maxLength: MAX_COMMAND_LENGTH + 50 }),
  mutatedCommand,
);

/** A number as a person might type it: separators between digits, maybe no `+`. */
const typedNumber = fc
  .tuple(
    fc.constantFrom(...NUMBERS),
    fc.array(fc.constantFrom('', '', '', ' ', '-', '.', '\u00a0', '\u2013'), {
      minLength: 16,
      maxLength: 16,
    }),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([e164, separators, pad]) => {
    const digits = e164.slice(1).split('');
    const typed = digits.map((d, i) => `${d}${separators[i] ?? ''}`).join('');
    return { e164, typed: `${pad}+${typed.replace(/[\s.\u00a0\u2013-]+$/, '')}${pad}` };
  });

const params = { seed: SEED, numRuns: RUNS };

describe('the command parser, on random input', () => {
  it('never throws, and answers one of the known commands with bounded text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const command = parseCommand(text);
        expect(KINDS.has(command.kind)).toBe(true);
        if (command.kind === 'invalid') {
          expect(command.message.length).toBeGreaterThan(0);
          expect(command.message.length).toBeLessThan(1000);
        }
        if (command.kind === 'lookup')
          expect(command.query.length).toBeLessThanOrEqual(text.length);
        if (command.kind === 'find') expect(command.text.length).toBeLessThanOrEqual(text.length);
      }),
      params,
    );
    report('parseCommand never throws', RUNS);
  });

  it('reads `ext N` as that extension for any 1 to 8 digits, around any spaces', () => {
    const digits = fc.stringMatching(/^[0-9]{1,8}$/);
    const spaces = fc.constantFrom(' ', '  ', '\t');
    fc.assert(
      fc.property(digits, spaces, spaces, (n, a, b) => {
        expect(parseCommand(`${a}ext${b}${n}${a}`)).toEqual({ kind: 'extension', number: n });
      }),
      params,
    );
    report('ext N is extension N', RUNS);
  });
});

describe('the phone-number parser, on random input', () => {
  it('toE164 and parseNumberQuery never throw; what they answer is well formed', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const e164 = toE164(text);
        if (e164 !== null) expect(e164).toMatch(E164);
        const query = parseNumberQuery(text);
        expect(['full', 'prefix', 'invalid']).toContain(query.kind);
        if (query.kind === 'full') expect(query.e164).toMatch(E164);
        if (query.kind === 'invalid') expect(query.reason.length).toBeGreaterThan(0);
        if (query.kind === 'prefix') {
          expect(query.digits).toMatch(/^\d+$/);
          for (const e of NUMBERS) expect(typeof prefixMatches(e, query)).toBe('boolean');
        }
      }),
      params,
    );
    report('phone parsers never throw', RUNS);
  });

  it('a real number typed with any separators is read as exactly that number', () => {
    fc.assert(
      fc.property(typedNumber, ({ e164, typed }) => {
        expect(parseNumberQuery(typed)).toEqual({ kind: 'full', e164 });
        expect(toE164(typed)).toBe(e164);
        expect(toE164(formatNumber(e164))).toBe(e164);
      }),
      params,
    );
    report('typed numbers round-trip', RUNS);
  });
});
