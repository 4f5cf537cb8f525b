/** Replies about one extension: `ext <n>` and `numbers [ext <n> | @user]`. */
import type { ExtensionResult, ExtensionSummary, NumberInfo, NumbersResult } from '../model';
import { callButton } from './call';
import { mention, safe } from './escape';
import { extensionPlain, extensionText, plural } from './format';
import {
  actions,
  context,
  fields,
  LIMITS,
  type MaybeBlock,
  message,
  packLines,
  section,
} from './kit';
import { extensionButtons, LIMITED_VIEW_NOTE, numberLine, shareButton } from './parts';
import { presenceText } from './presence';
import type { Message, RenderOptions } from './types';

export function renderExtension(result: ExtensionResult, opts: RenderOptions): Message {
  const { extension } = result;
  const pairs: Array<[string, string]> = [
    ['Type', safe(extension.type ?? '—', 100)],
    ['Status', safe(extension.status ?? '—', 100)],
    ['Email', safe(extension.email ?? '—', 300)],
  ];
  if (extension.site) pairs.push(['Site', safe(extension.site, 200)]);
  const who = mention(extension.slackUserId);
  if (who) pairs.push(['Slack', who]);
  const presence = presenceText(extension.presence);
  if (presence) pairs.push(['Presence', presence]);
  const list = numbersList(result.numbers, result.limitedView, LIMITS.messageBlocks - 6);
  return message(
    `${extensionPlain(extension)}: ${extension.type ?? 'extension'}, ${plural(result.numbers.length, 'number')}`,
    [
      section(`*${extensionText(extension)}*`),
      fields(pairs),
      ...list,
      actions(
        // Within the account an extension is called by its number, ringing all its phones.
        callButton(opts.callLinkUrl, extension.extensionNumber),
        // The numbers are already listed above: only Forwarding, for user extensions.
        ...extensionButtons(extension).slice(1),
        opts.shareable && shareButton(shareTarget('ext', extension)),
      ),
    ],
  );
}

export function renderNumbers(result: NumbersResult, opts: RenderOptions): Message {
  const { extension } = result;
  // The extension is always named, even for one's own: a shared copy is read by others.
  const presence = presenceText(extension.presence);
  const title = `*Numbers of ${extensionText(extension)}*`;
  const list = numbersList(result.numbers, result.limitedView, LIMITS.messageBlocks - 3);
  return message(
    `Numbers of ${extensionPlain(extension)}: ${plural(result.numbers.length, 'number')}`,
    [
      section(presence ? `${title} · _${presence}_` : title),
      ...list,
      actions(opts.shareable && shareButton(shareTarget('numbers', extension))),
    ],
  );
}

/** The numbers of one extension with their details, or why there are none; a note when limited. */
function numbersList(numbers: NumberInfo[], limitedView: boolean, room: number): MaybeBlock[] {
  const lines = numbers.map((n) =>
    numberLine(n, { callType: true, paymentType: true, features: true }),
  );
  const list = packLines(lines, room - 1);
  const notes: string[] = [];
  if (list.shown < numbers.length) notes.push(`showing ${list.shown} of ${numbers.length}`);
  if (limitedView) notes.push(LIMITED_VIEW_NOTE);
  return [
    numbers.length === 0 ? section('_No numbers visible to you._') : null,
    ...list.blocks,
    notes.length > 0 ? context(notes.join(' · ')) : null,
  ];
}

function shareTarget(c: 'ext' | 'numbers', extension: ExtensionSummary) {
  return extension.extensionNumber
    ? { c, q: extension.extensionNumber, id: extension.id }
    : { c, id: extension.id };
}
