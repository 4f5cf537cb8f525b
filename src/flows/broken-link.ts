import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import type { Link, MemberKey } from '../store/types';
import { publishHome } from './app-home';
import { linkPrompt } from './link-prompt';

const FALLBACK_REASON = 'RingCentral no longer accepts this link.';

/**
 * A member's link broke (RingCentral refused its refresh, or the link can no longer be read):
 * tells them once, in a DM with the reason and a Reconnect button, and turns their Home tab to
 * its Reconnect view. However many commands, processes or refreshes notice the same broken
 * link, the members store lets exactly one of them send the DM. Resolves with true when it sent
 * it; never throws.
 */
export async function noticeBrokenLink(services: Services, link: Link): Promise<boolean> {
  const member = { teamId: link.teamId, userId: link.userId };
  try {
    if (!(await services.members.claimBrokenNotice(member, link.version))) return false;
    const reason = link.brokenReason?.trim() || FALLBACK_REASON;
    const failure = await sendDirectMessage(
      services,
      member.userId,
      await linkPrompt(services, member, { reason }),
    );
    if (failure) {
      // Not sent: the next command that meets the broken link tries again.
      await services.members.releaseBrokenNotice(member, link.version);
      return false;
    }
    services.logger.info({ teamId: member.teamId, userId: member.userId }, 'broken link told');
    await publishHome(services, member);
    return true;
  } catch (error) {
    services.logger.warn(
      { teamId: member.teamId, userId: member.userId, message: (error as Error).message },
      'broken link not told',
    );
    return false;
  }
}

/** Reads the member's link as stored now and, when it is broken, tells them (once). */
export async function noticeIfBroken(services: Services, member: MemberKey): Promise<void> {
  const link = await services.links.getLink(member).catch(() => null);
  if (link?.status === 'broken') await noticeBrokenLink(services, link);
}
