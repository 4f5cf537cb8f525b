/** Reply to `forwarding [ext <n> | @user]`: forwarding and call-flip numbers. */
import type { ForwardingEntry, ForwardingResult } from '../model';
import { safe, safeList } from './escape';
import { extensionPlain, extensionText, numberText, plural } from './format';
import { ActionIds } from './ids';
import { actions, context, LIMITS, message, packLines, section } from './kit';
import { shareButton } from './parts';
import type { Message, RenderOptions } from './types';

/** Flip number order, numerically ('2' before '10'); entries without one go last. */
export function byFlipNumber(a: ForwardingEntry, b: ForwardingEntry): number {
  const rank = (entry: ForwardingEntry) => {
    const n = Number.parseInt(entry.flipNumber ?? '', 10);
    return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
  };
  return rank(a) - rank(b);
}

/** 'Flip 1 · *+1 650 555 0101* · Mobile · “Ana’s iPhone” · CallFlip, CallForwarding · personal' */
export function forwardingLine(entry: ForwardingEntry): string {
  const parts: string[] = [];
  if (entry.flipNumber) parts.push(`Flip ${safe(entry.flipNumber, 10)}`);
  const number = entry.e164 ? numberText(entry.e164) : safe(entry.raw ?? '', 60);
  parts.push(number ? `*${number}*` : '_no number_');
  if (entry.type) parts.push(safe(entry.type, 40));
  if (entry.label) parts.push(`“${safe(entry.label, 80)}”`);
  if (entry.features.length > 0) parts.push(safeList(entry.features, 120));
  if (entry.personal) parts.push('_personal_');
  return parts.join(' · ');
}

export function renderForwarding(result: ForwardingResult, opts: RenderOptions): Message {
  const { extension } = result;
  const entries = [...result.entries].sort(byFlipNumber);
  // The extension is always named, even for one's own: a shared copy is read by others.
  const title = `Forwarding numbers of ${extensionText(extension)}`;
  const list = packLines(entries.map(forwardingLine), LIMITS.messageBlocks - 4);
  const personal = entries.filter((entry) => entry.personal).length;
  const notes: string[] = [];
  if (list.shown < entries.length) notes.push(`showing ${list.shown} of ${entries.length}`);
  if (personal > 0) {
    notes.push(`${plural(personal, 'personal number')}: phones outside the company`);
  }
  const shareValue = extension.extensionNumber
    ? { c: 'forwarding' as const, q: extension.extensionNumber, id: extension.id }
    : { c: 'forwarding' as const, id: extension.id };
  const who = `Forwarding numbers of ${extensionPlain(extension)}`;
  return message(
    entries.length === 0 ? `${who}: none` : `${who}: ${plural(entries.length, 'number')}`,
    [
      section(`*${title}*`),
      entries.length === 0 ? section('No forwarding numbers.') : null,
      ...list.blocks,
      notes.length > 0 ? context(notes.join(' · ')) : null,
      actions(
        opts.shareable && entries.length > 0 && shareButton(shareValue, ActionIds.shareForwarding),
      ),
    ],
  );
}
