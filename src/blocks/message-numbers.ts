/** Reply to the message shortcut "Who owns these numbers?": every number found, answered. */
import type { MessageNumbersResult, WhoOwnsResult } from '../model';
import { callButton } from './call';
import { safe } from './escape';
import { numberText, plural } from './format';
import { actions, context, message, section } from './kit';
import { notVisibleText, ownerLine, whoOwnsSentence } from './lookup';
import { extensionButtons, REGULAR_USER_NOTE } from './parts';
import type { Message, RenderOptions } from './types';

export const NO_NUMBERS_FOUND = 'No phone numbers found in that message.';

/**
 * One section per number, in the words of a typed lookup ("No number visible to you matches…",
 * "*Owner:* …"), each with its Call and extension buttons; at most 20 numbers (43 blocks).
 */
export function renderMessageNumbers(result: MessageNumbersResult, opts: RenderOptions): Message {
  if (result.results.length === 0) {
    return message(NO_NUMBERS_FOUND, [
      section(NO_NUMBERS_FOUND),
      context('I look for numbers like `+1 650 331 6252`, `(650) 331-6252` or `650.331.6252`.'),
    ]);
  }
  const count = result.results.length + result.more;
  const title = `*${plural(count, 'phone number')} in that message*`;
  const more = result.more > 0 ? `…and ${result.more} more, not looked up.` : null;
  const hidden = result.results.some((answer) => !answer.number);
  const sentences = result.results.map(whoOwnsSentence).map(withStop);
  return message(
    [`${plural(count, 'phone number')} in that message.`, ...sentences, more]
      .filter(Boolean)
      .join(' '),
    [
      section(title),
      ...result.results.flatMap((answer) => [
        section(answerLine(answer)),
        actions(
          callButton(opts.callLinkUrl, answer.e164),
          ...(answer.number?.owner ? extensionButtons(answer.number.owner) : []),
        ),
      ]),
      more ? context(safe(more, 200)) : null,
      hidden && !result.viewer.isAdmin ? context(REGULAR_USER_NOTE) : null,
    ],
  );
}

/** The number, what kind it is, and who owns it; or that the viewer sees no such number. */
function answerLine(answer: WhoOwnsResult): string {
  const info = answer.number;
  if (!info) return notVisibleText(answer.e164);
  const kind = [info.usageType, info.callType].filter(Boolean).map((v) => safe(v ?? '', 40));
  const number = [`*${numberText(answer.e164)}*`, ...kind].join(' · ');
  return `${number}\n${ownerLine(info)}`;
}

function withStop(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
