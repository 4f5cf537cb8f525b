import { numberShapeProblem } from '../phone/number-query';
import {
  channelMention,
  decodeEntities,
  isSpecialMention,
  quotable,
  tokenize,
  unwrapLinks,
  userMention,
} from './slack-text';

export { USAGE, type UsageLine } from './usage';

/** Whose numbers or forwarding a command is about. */
export type Target =
  | { kind: 'self' }
  | { kind: 'extension'; number: string }
  | { kind: 'user'; userId: string };

export type Command =
  | { kind: 'modal' }
  | { kind: 'help' }
  | { kind: 'link' }
  | { kind: 'unlink' }
  | { kind: 'me' }
  | { kind: 'company' }
  /** A phone number or partial digits, as typed; the directory decides which. */
  | { kind: 'lookup'; query: string }
  | { kind: 'extension'; number: string }
  | { kind: 'find'; text: string }
  | { kind: 'numbers'; target: Target }
  | { kind: 'forwarding'; target: Target }
  | { kind: 'onboard'; userIds: string[]; channelIds: string[] }
  /** A CSV of what the asker can see, to their DM; `days` only for the audit trail. */
  | { kind: 'export'; what: ExportKind; days: number | null }
  /** Recent shares to channels, for admins; null days: the default span. */
  | { kind: 'audit'; days: number | null }
  /** `message` is short Slack mrkdwn, fit to show as is. */
  | { kind: 'invalid'; message: string };

export type ExportKind = 'numbers' | 'forwarding' | 'audit';

export const MAX_COMMAND_LENGTH = 500;

const HELP_HINT = 'Try `/rcnumber help` to see what I can do.';

const MESSAGES = {
  tooLong: `That's too long: a command is at most ${MAX_COMMAND_LENGTH} characters.`,
  extNeedsNumber: '`ext` needs a number, like `ext 101`.',
  oneExtension: 'One extension at a time, like `ext 101`.',
  findNeedsText: '`find` needs a name or email, like `find ana`.',
  findNoMentions: "To see a Slack user's numbers, use `numbers @ana`.",
  onboardNeedsPeople: '`onboard` needs people or a channel, like `onboard @ana #sales`.',
  onboardNoGroups: '`onboard` takes people and channels, not `@here`, `@channel` or user groups.',
  mentionFirst: "To see someone's numbers, use `numbers @ana`.",
  exportWhat:
    '`export` takes what to export: `export numbers`, `export forwarding` or `export audit`.',
} as const;

/** The longest span `audit` reads: ten years, far past any retention anyone sets. */
export const MAX_DAYS = 3650;

// Words that take nothing after them: extra words most likely mean a different request (`unlink
// ext 101` must not unlink the asker), so they are refused rather than ignored.
const BARE_COMMANDS = {
  link: 'link',
  unlink: 'unlink',
  me: 'me',
  company: 'company',
} as const;

// Characters a phone number or its start can be written with; such text is a lookup.
const NUMBER_LIKE = /^[\d\s+*.()\-\u2010-\u2015\u2212]+$/;

// `ext`, `ext.`, `extension` or `x`, alone or glued to the digits (`ext101`, `x101`).
const EXT_WORD = /^(?:ext\.?|extension|x)$/i;
const EXT_GLUED = /^(?:ext\.?|extension|x)#?(\d+)$/i;
const EXT_NUMBER = /^#?(\d{1,10})$/;

/** Reads the text of a `/rcnumber` command. Never throws. */
export function parseCommand(text: string): Command {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return { kind: 'modal' };
  if (trimmed.length > MAX_COMMAND_LENGTH) return invalid(`${MESSAGES.tooLong} ${HELP_HINT}`);

  const plain = unwrapLinks(trimmed);
  if (NUMBER_LIKE.test(plain)) {
    const problem = numberShapeProblem(plain);
    return problem ? invalid(problem) : { kind: 'lookup', query: plain.trim() };
  }

  const [head = '', ...rest] = tokenize(plain);
  const keyword = head.toLowerCase();
  if (keyword === 'help' || keyword === '?') return { kind: 'help' };
  if (Object.hasOwn(BARE_COMMANDS, keyword)) {
    const kind = BARE_COMMANDS[keyword as keyof typeof BARE_COMMANDS];
    return rest.length === 0
      ? { kind }
      : invalid(`\`${kind}\` takes nothing after it. ${HELP_HINT}`);
  }
  if (keyword === 'find') return parseFind(rest);
  if (keyword === 'numbers') return withTarget('numbers', rest);
  if (keyword === 'forwarding' || keyword === 'fwd') return withTarget('forwarding', rest);
  if (keyword === 'onboard') return parseOnboard(rest);
  if (keyword === 'export') return parseExport(rest);
  if (keyword === 'audit') {
    const days = readDays('audit', rest);
    return typeof days === 'object' && days !== null ? days : { kind: 'audit', days };
  }

  const extension = readExtension([head, ...rest]);
  if (extension) {
    return 'number' in extension ? { kind: 'extension', number: extension.number } : extension;
  }

  if (userMention(head)) return invalid(MESSAGES.mentionFirst);
  // '650 331 6252 ext 101': a number with words after it is a malformed number, not a command.
  if (NUMBER_LIKE.test(head)) return invalid(numberShapeProblem(plain) ?? unknownWord(head));
  return invalid(unknownWord(head));
}

type ExtensionRead = { number: string } | { kind: 'invalid'; message: string };

/**
 * Reads `ext 101` / `ext101` / `x101` / `extension 101` from the start of `tokens`. Null when the
 * tokens do not start with an extension word at all.
 */
function readExtension(tokens: string[]): ExtensionRead | null {
  const [first = '', second, ...more] = tokens;
  const glued = EXT_GLUED.exec(first);
  if (glued) {
    if (second !== undefined) return invalid(MESSAGES.oneExtension);
    const digits = EXT_NUMBER.exec(glued[1] ?? '')?.[1];
    return digits ? { number: digits } : invalid(MESSAGES.extNeedsNumber);
  }
  if (!EXT_WORD.test(first)) return null;
  const digits = second === undefined ? undefined : EXT_NUMBER.exec(second)?.[1];
  if (!digits) return invalid(MESSAGES.extNeedsNumber);
  return more.length === 0 ? { number: digits } : invalid(MESSAGES.oneExtension);
}

function parseFind(rest: string[]): Command {
  if (rest.some((token) => userMention(token) || channelMention(token))) {
    return invalid(MESSAGES.findNoMentions);
  }
  const text = decodeEntities(rest.join(' ')).trim();
  return text === '' ? invalid(MESSAGES.findNeedsText) : { kind: 'find', text };
}

function withTarget(kind: 'numbers' | 'forwarding', rest: string[]): Command {
  const [first, ...more] = rest;
  if (first === undefined || (first.toLowerCase() === 'me' && more.length === 0)) {
    return { kind, target: { kind: 'self' } };
  }
  const userId = userMention(first);
  if (userId) {
    return more.length === 0
      ? { kind, target: { kind: 'user', userId } }
      : invalid(`\`${kind}\` takes one person at a time, like \`${kind} @ana\`.`);
  }
  // A bare number after `numbers` can only mean an extension.
  const bare = more.length === 0 ? EXT_NUMBER.exec(first)?.[1] : undefined;
  if (bare) return { kind, target: { kind: 'extension', number: bare } };
  const extension = readExtension(rest);
  if (extension) {
    return 'number' in extension
      ? { kind, target: { kind: 'extension', number: extension.number } }
      : extension;
  }
  if (first.startsWith('@')) return invalid(unresolvedMention(first));
  return invalid(
    `\`${kind}\` takes \`ext <number>\` or an @mention, like \`${kind} ext 101\` or \`${kind} @ana\`.`,
  );
}

function parseOnboard(rest: string[]): Command {
  const userIds = new Set<string>();
  const channelIds = new Set<string>();
  for (const token of rest) {
    // People write lists with commas and "and"; neither changes who is meant.
    if (token === ',' || token.toLowerCase() === 'and') continue;
    const word = token.replace(/,$/, '');
    const userId = userMention(word);
    const channelId = channelMention(word);
    if (userId) userIds.add(userId);
    else if (channelId) channelIds.add(channelId);
    else if (isSpecialMention(word)) return invalid(MESSAGES.onboardNoGroups);
    else if (word.startsWith('@') || word.startsWith('#')) return invalid(unresolvedMention(word));
    else return invalid(MESSAGES.onboardNeedsPeople);
  }
  if (userIds.size === 0 && channelIds.size === 0) return invalid(MESSAGES.onboardNeedsPeople);
  return { kind: 'onboard', userIds: [...userIds], channelIds: [...channelIds] };
}

const EXPORT_KINDS: Record<string, ExportKind> = {
  numbers: 'numbers',
  forwarding: 'forwarding',
  fwd: 'forwarding',
  audit: 'audit',
};

function parseExport(rest: string[]): Command {
  const [first, ...more] = rest;
  const what = first === undefined ? undefined : EXPORT_KINDS[first.toLowerCase()];
  if (!what) return invalid(MESSAGES.exportWhat);
  if (what !== 'audit') {
    return more.length === 0
      ? { kind: 'export', what, days: null }
      : invalid(`\`export ${what}\` takes nothing after it. ${HELP_HINT}`);
  }
  const days = readDays('export audit', more);
  return typeof days === 'object' && days !== null ? days : { kind: 'export', what, days };
}

/** `[days]` after `audit`: nothing, `30`, `30d` or `30 days`. */
function readDays(
  command: string,
  rest: string[],
): number | null | Extract<Command, { kind: 'invalid' }> {
  if (rest.length === 0) return null;
  const text = rest.join(' ').toLowerCase();
  const match = /^(\d{1,4})\s*(?:d|days?)?$/.exec(text);
  const days = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    return invalid(
      `\`${command}\` takes a number of days from 1 to ${MAX_DAYS}, like \`${command} 30\`.`,
    );
  }
  return days;
}

/** `@ana` or `#sales` typed as plain text: Slack did not resolve it, so neither can we. */
function unresolvedMention(word: string): string {
  const shown = quotable(word.slice(1));
  const name = shown ? `\`${word[0]}${shown}\`` : 'that';
  return word.startsWith('#')
    ? `I can't tell which channel ${name} is: pick it from Slack's # list.`
    : `I can't tell who ${name} is: pick them from Slack's @ list.`;
}

function unknownWord(word: string): string {
  const shown = quotable(word);
  return shown
    ? `I don't know \`${shown}\`. ${HELP_HINT}`
    : `I didn't understand that. ${HELP_HINT}`;
}

function invalid(message: string): { kind: 'invalid'; message: string } {
  return { kind: 'invalid', message };
}
