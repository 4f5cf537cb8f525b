/** `help` and the reply to input that is not a command. */
import { clip, escapeEntities } from './escape';
import { context, LIMITS, message, packLines, section } from './kit';
import type { Message } from './types';

/** One usage line; src/commands owns the list, so it is passed in. */
export interface UsageEntry {
  example: string;
  meaning: string;
}

// Usage text is ours and may use mrkdwn (`fwd`); only `& < >` need escaping. Backticks are
// removed from examples because each example already sits in a code span.
function usageLines(usage: ReadonlyArray<UsageEntry>): string[] {
  return usage.map(
    (line) =>
      `\`${escapeEntities(clip(line.example.replace(/`/g, ''), 200))}\` — ${escapeEntities(clip(line.meaning, 400))}`,
  );
}

function usageFallback(usage: ReadonlyArray<UsageEntry>): string {
  return usage.map((line) => `${line.example}: ${line.meaning}`).join('\n');
}

export function renderHelp(usage: ReadonlyArray<UsageEntry>): Message {
  const list = packLines(usageLines(usage), LIMITS.messageBlocks - 3);
  return message(`How to use /rcnumber:\n${usageFallback(usage)}`, [
    section('*How to use `/rcnumber`*'),
    ...list.blocks,
    context(
      'On any message, *More actions → Who owns these numbers?* answers every phone number in it; *Look up a number* is in the shortcuts menu.',
    ),
    context('Answers use your own RingCentral permissions: you see what RingCentral shows you.'),
  ]);
}

/**
 * A short error and the usage. `text` is short mrkdwn such as parseCommand's messages (backticks
 * allowed); `& < >` are escaped all the same.
 */
export function renderInvalid(text: string, usage: ReadonlyArray<UsageEntry>): Message {
  const list = packLines(usageLines(usage), LIMITS.messageBlocks - 2);
  return message(`${clip(text, 500)}\n${usageFallback(usage)}`, [
    section(`:warning: ${escapeEntities(clip(text, 1000))}`),
    ...list.blocks,
  ]);
}
