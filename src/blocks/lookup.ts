/** Replies to a phone number or the start of one. */
import type { LookupResult, NumberInfo, PrefixResult, WhoOwnsResult } from '../model';
import { callButton } from './call';
import { safe } from './escape';
import { extensionPlain, formatNumber, numberText, showing } from './format';
import { actions, context, fields, header, LIMITS, message, packLines, section } from './kit';
import {
  extensionButtons,
  featuresText,
  numberLine,
  ownerText,
  pagingButtons,
  REGULAR_USER_NOTE,
  shareButton,
} from './parts';
import type { Message, RenderOptions } from './types';

export function renderLookup(result: LookupResult, opts: RenderOptions): Message {
  return result.kind === 'full' ? renderWhoOwns(result, opts) : renderPrefix(result, opts);
}

function renderWhoOwns(result: WhoOwnsResult, opts: RenderOptions): Message {
  const shown = formatNumber(result.e164);
  const info = result.number;
  const call = callButton(opts.callLinkUrl, result.e164);
  if (!info) {
    return message(whoOwnsSentence(result), [
      section(notVisibleText(result.e164)),
      result.viewer.isAdmin ? null : context(REGULAR_USER_NOTE),
      actions(call),
    ]);
  }
  const owner = info.owner;
  const pairs: Array<[string, string]> = [
    ['Usage type', safe(info.usageType ?? '—', 100)],
    ['Call type', safe(info.callType ?? '—', 100)],
    ['Payment type', safe(info.paymentType ?? '—', 100)],
  ];
  // Features are hidden from regular users; an administrator's quick targeted answer carries
  // none (RingCentral's number search leaves them out), so nothing is said rather than "hidden".
  if (info.features !== null || !result.viewer.isAdmin) {
    pairs.push(['Features', featuresText(info.features)]);
  }
  if (info.label) pairs.push(['Label', safe(info.label, 200)]);
  return message(whoOwnsSentence(result), [
    header(shown),
    fields(pairs),
    section(ownerLine(info)),
    actions(
      call,
      ...(owner ? extensionButtons(owner) : []),
      opts.shareable && shareButton({ c: 'lookup', q: result.query, o: 0 }),
    ),
  ]);
}

/**
 * The words of a full-number answer, in plain text: the same wherever a number is answered
 * (typed, in the modal, or found in a message).
 */
export function whoOwnsSentence(result: WhoOwnsResult): string {
  const shown = formatNumber(result.e164);
  const owner = result.number?.owner;
  if (!result.number) return `No number visible to you matches ${shown}.`;
  return owner
    ? `${shown} belongs to ${extensionPlain(owner)}`
    : `${shown} is not assigned to an extension`;
}

/** The mrkdwn for a number nobody visible to the viewer owns. */
export function notVisibleText(e164: string): string {
  return `No number visible to you matches *${numberText(e164)}*.`;
}

/** "*Owner:* ext 104 · Ana Ruiz · User · @ana", or that it is a company-level number. */
export function ownerLine(info: NumberInfo): string {
  return info.owner
    ? `*Owner:* ${ownerText(info.owner)}`
    : '*Owner:* not assigned to an extension (a company-level number)';
}

function renderPrefix(result: PrefixResult, opts: RenderOptions): Message {
  const { page } = result;
  const digits = safe(result.digits, 30);
  const extension = result.extension;
  // Title, extension, notes and one actions row around the list.
  const room = LIMITS.messageBlocks - 5;
  const lines = page.items.map((number) => numberLine(number, { owner: true }));
  const list = packLines(lines, room);
  const title =
    page.total === 0
      ? `No number visible to you starts with *${digits}*.`
      : `Numbers starting with *${digits}*: ${showing(page.offset, list.shown, page.total)}`;
  const extensionLine = extension
    ? section(
        `*Extension ${safe(extension.extensionNumber ?? result.digits, 20)}:* ${ownerText(extension)}`,
      )
    : null;
  const fallback = [
    page.total === 0
      ? `No number visible to you starts with ${result.digits}.`
      : `Numbers starting with ${result.digits}: ${showing(page.offset, list.shown, page.total)}`,
    extension ? `Extension: ${extensionPlain(extension)}` : '',
  ]
    .filter(Boolean)
    .join('. ');
  return message(fallback, [
    section(title),
    extensionLine,
    ...list.blocks,
    page.total === 0 && !result.viewer.isAdmin ? context(REGULAR_USER_NOTE) : null,
    actions(
      ...pagingButtons('lookup', result.query, page, list.shown),
      ...(extension ? extensionButtons(extension) : []),
      opts.shareable &&
        page.total > 0 &&
        shareButton({ c: 'lookup', q: result.query, o: page.offset }),
    ),
  ]);
}
