/** Pieces several renderers share: number lines, owner text, and the buttons under a reply. */
import type { Button } from '@slack/types';
import type { ExtensionSummary, NumberInfo } from '../model';
import { mention, safe, safeList } from './escape';
import { extensionText, numberText } from './format';
import { ActionIds } from './ids';
import { button } from './kit';
import { presenceText } from './presence';
import type { PagedKind, ShareValue } from './values';

/**
 * 'ext 104 · Ana Ruiz · User · Austin Office · @ana · _Busy, on a call_': the site and a
 * federated account's name where RingCentral gave them, the mention only when Slack matched the
 * owner's email, the presence only where RingCentral showed it to the viewer.
 */
export function ownerText(owner: ExtensionSummary, nameMax = 100): string {
  const parts = [extensionText(owner, nameMax)];
  if (owner.type) parts.push(safe(owner.type, 40));
  if (owner.site) parts.push(safe(owner.site, 60));
  if (owner.accountName) parts.push(`${safe(owner.accountName, 80)} (federated)`);
  const who = mention(owner.slackUserId);
  if (who) parts.push(who);
  const presence = presenceText(owner.presence);
  if (presence) parts.push(`_${presence}_`);
  return parts.join(' · ');
}

/** One compact line per number: number · usage type (· call type) (· owner). */
export function numberLine(
  number: NumberInfo,
  show: { owner?: boolean; callType?: boolean; features?: boolean; paymentType?: boolean },
): string {
  const parts = [`*${numberText(number.e164)}*`];
  if (number.usageType) parts.push(safe(number.usageType, 40));
  if (show.callType && number.callType) parts.push(safe(number.callType, 40));
  if (show.paymentType && number.paymentType) parts.push(safe(number.paymentType, 40));
  if (number.label) parts.push(`“${safe(number.label, 60)}”`);
  if (show.features && number.features && number.features.length > 0) {
    parts.push(safeList(number.features, 200));
  }
  if (show.owner) {
    parts.push(number.owner ? ownerText(number.owner, 60) : '_no extension_');
  }
  return parts.join(' · ');
}

/** Plain words for a number's features, or why they are missing. */
export function featuresText(features: string[] | null): string {
  if (features === null) return '_not shown for your role_';
  return features.length === 0 ? 'none' : safeList(features, 1500);
}

export const REGULAR_USER_NOTE =
  'RingCentral shows regular users only the direct numbers of other people; an admin may see more.';

export const LIMITED_VIEW_NOTE = 'RingCentral shows you only direct numbers of other extensions.';

/** "Numbers" and, for user extensions, "Forwarding" for an extension that has a number. */
export function extensionButtons(extension: ExtensionSummary): Array<Button | null> {
  const ext = extension.extensionNumber;
  if (!ext) return [];
  return [
    button({ text: 'Numbers', actionId: ActionIds.showNumbers, value: ext }),
    extension.type === 'User'
      ? button({ text: 'Forwarding', actionId: ActionIds.showForwarding, value: ext })
      : null,
  ];
}

export function shareButton(value: ShareValue, actionId: string = ActionIds.share): Button | null {
  return button({ text: 'Share in channel', actionId, value: JSON.stringify(value) });
}

/** Previous / Next, each only when there is a page that way; offsets follow what was shown. */
export function pagingButtons(
  kind: PagedKind,
  query: string,
  page: { offset: number; limit: number; total: number },
  shown: number,
): Array<Button | null> {
  const step = Math.max(1, page.limit);
  const previous =
    page.offset > 0
      ? button({
          text: '← Previous',
          actionId: ActionIds.pagePrevious,
          value: JSON.stringify({ c: kind, q: query, o: Math.max(0, page.offset - step) }),
        })
      : null;
  const nextOffset = page.offset + shown;
  const next =
    shown > 0 && nextOffset < page.total
      ? button({
          text: 'Next →',
          actionId: ActionIds.pageNext,
          value: JSON.stringify({ c: kind, q: query, o: nextOffset }),
        })
      : null;
  return [previous, next];
}
