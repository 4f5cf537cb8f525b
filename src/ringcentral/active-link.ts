import { AppError } from '../errors';
import type { Link } from '../store/types';

/** The link, if the member has one that works; otherwise the error that asks them to (re)link. */
export function requireActive(link: Link | null): Link {
  if (!link) throw new AppError('not_linked', 'This Slack member has not linked RingCentral');
  if (link.status === 'broken') {
    throw new AppError('link_broken', 'The RingCentral link is broken', {
      reason: link.brokenReason ?? undefined,
    });
  }
  return link;
}
