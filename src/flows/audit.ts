import { type Message, parseAuditPageValue, renderAudit } from '../blocks';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import type { ActionSite } from './answer-action';
import { answerAction } from './answer-action';
import { refuseClick, signedFor, valueOfClick } from './button-values';
import { requireAdmin } from './require-admin';

const DAY_MS = 24 * 60 * 60_000;
/** `audit` with no days: the last week. */
export const DEFAULT_AUDIT_DAYS = 7;
const PAGE_SIZE = 10;

/** The span asked for, within what the trail keeps. */
export function auditDays(services: Services, days: number | null): number {
  return Math.min(days ?? DEFAULT_AUDIT_DAYS, services.config.auditRetentionDays);
}

/**
 * `/rcnumber audit [days]`: the shares made in this workspace from this RingCentral account,
 * for its admins only, as RingCentral describes the asker right now (one Light request). The
 * page's buttons are signed for the asker, and each click checks the role afresh.
 */
export async function auditPage(
  services: Services,
  member: MemberKey,
  days: number | null,
  offset = 0,
): Promise<Message> {
  const identity = await requireAdmin(services, member, 'audit');
  const span = auditDays(services, days);
  const { total, items } = await services.audit.recentShares({
    teamId: member.teamId,
    accountId: identity.accountId,
    since: services.now() - span * DAY_MS,
    offset,
    limit: PAGE_SIZE,
  });
  const page = renderAudit({
    items,
    total,
    offset,
    limit: PAGE_SIZE,
    days: span,
    retentionDays: services.config.auditRetentionDays,
  });
  return signedFor(services, member, page);
}

/** Previous / Next under an audit page: the same span at another offset, the role checked again. */
export async function auditPageFromButton(
  services: Services,
  site: ActionSite,
  action: { action_id: string; value?: string },
): Promise<void> {
  const raw = await valueOfClick(services, site, action.action_id, action.value);
  if (raw === null) return;
  const value = parseAuditPageValue(raw);
  if (!value) return refuseClick(services, site, action.action_id, 'changed');
  await answerAction(services, { ...site, errorAction: 'audit' }, () =>
    auditPage(services, site.member, value.d, value.o),
  );
}
