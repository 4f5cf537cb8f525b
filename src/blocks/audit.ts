/** Reply to `audit [days]`: recent shares to channels, newest first, paged, for an admin. */
import type { ShareRecord } from '../model';
import { mention, safe } from './escape';
import { formatUtc, plural, showing, slackDate } from './format';
import { ActionIds } from './ids';
import { actions, button, context, LIMITS, message, packLines, section } from './kit';
import type { Message } from './types';

export interface AuditPage {
  items: ShareRecord[];
  total: number;
  offset: number;
  limit: number;
  days: number;
  retentionDays: number;
}

/** What an audit paging button carries: the span and the offset, never a share. */
export interface AuditPageValue {
  d: number;
  o: number;
}

export function parseAuditPageValue(raw: string): AuditPageValue | null {
  try {
    const parsed = JSON.parse(raw) as Partial<AuditPageValue>;
    const { d, o } = parsed;
    if (!Number.isSafeInteger(d) || (d as number) < 1) return null;
    if (!Number.isSafeInteger(o) || (o as number) < 0) return null;
    return { d: d as number, o: o as number };
  } catch {
    return null;
  }
}

/** One share on one line: when, who, what, where, and what the channel was told. */
function shareLine(share: ShareRecord): string {
  const when = slackDate(new Date(share.sharedAt));
  const who = mention(share.userId) ?? 'a member';
  const ext = share.extensionNumber ? ` (ext ${safe(share.extensionNumber, 20)})` : '';
  const where = /^[CG][A-Z0-9]{2,20}$/.test(share.channelId)
    ? `<#${share.channelId}>`
    : `#${safe(share.channelName ?? share.channelId, 80)}`;
  const details = [
    plural(share.personalCount, 'personal number'),
    share.confirmed ? 'confirmed' : 'no confirmation needed',
  ];
  if (share.memberCount !== null) details.push(plural(share.memberCount, 'member'));
  if (share.sharedExternally) details.push('*shared with other organisations*');
  return `${when} · ${who}${ext} shared \`${safe(share.command, 120)}\` in ${where} · ${details.join(' · ')}`;
}

function sharePlain(share: ShareRecord): string {
  return `${formatUtc(new Date(share.sharedAt))}: ${share.userId} shared "${share.command}" in ${share.channelName ?? share.channelId} (${plural(share.personalCount, 'personal number')}${share.confirmed ? ', confirmed' : ''})`;
}

export function renderAudit(page: AuditPage): Message {
  const span = plural(page.days, 'day');
  const range = showing(page.offset, page.items.length, page.total);
  const title =
    page.total === 0
      ? `No answers were shared to channels in the last ${span}.`
      : `*Shares to channels in the last ${span}*: ${range}`;
  const lines = packLines(page.items.map(shareLine), LIMITS.messageBlocks - 4);
  const previous =
    page.offset > 0
      ? button({
          text: '← Previous',
          actionId: ActionIds.auditPrevious,
          value: JSON.stringify({ d: page.days, o: Math.max(0, page.offset - page.limit) }),
        })
      : null;
  const nextOffset = page.offset + page.items.length;
  const next =
    page.items.length > 0 && nextOffset < page.total
      ? button({
          text: 'Next →',
          actionId: ActionIds.auditNext,
          value: JSON.stringify({ d: page.days, o: nextOffset }),
        })
      : null;
  const fallback =
    page.total === 0
      ? `No answers were shared to channels in the last ${span}.`
      : [`Shares to channels in the last ${span}: ${range}`, ...page.items.map(sharePlain)].join(
          '\n',
        );
  return message(fallback, [
    section(title),
    ...lines.blocks,
    actions(previous, next),
    context(
      `Shares are kept for ${plural(page.retentionDays, 'day')}. \`/rcnumber export audit ${page.days}\` sends them as a spreadsheet.`,
    ),
  ]);
}
