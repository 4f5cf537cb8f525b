import type { WebClient } from '@slack/web-api';
import { type Message, onboardSummary } from '../../blocks';
import type { Command } from '../../commands';
import type { ProgressFn } from '../../directory';
import { AppError } from '../../errors';
import { sendDirectMessage } from '../../onboarding/direct-message';
import { onboardMembers } from '../../onboarding/onboard-members';
import type { Services } from '../../services';
import type { MemberKey } from '../../store/types';

type OnboardCommand = Extract<Command, { kind: 'onboard' }>;

/**
 * `/rcnumber onboard @user… #channel…`, for RingCentral admins only (as read from their own link
 * when they linked). Errors are thrown for the command's one error path to word: not linked →
 * link prompt, not an admin → refused.
 */
export async function runOnboard(
  services: Services,
  _client: WebClient,
  member: MemberKey,
  command: OnboardCommand,
  progress: { onProgress: ProgressFn; finish: (message: Message) => Promise<void> },
): Promise<void> {
  const link = await services.store.getLink(member);
  if (!link) throw new AppError('not_linked', 'onboard needs a linked admin');
  if (link.status === 'broken') {
    throw new AppError('link_broken', 'The RingCentral link is broken', {
      reason: link.brokenReason ?? undefined,
    });
  }
  if (!link.identity.isAdmin) throw new AppError('not_admin', 'onboard is for RingCentral admins');

  const result = await onboardMembers(services, member.teamId, command, progress.onProgress);
  const summary = onboardSummary(result.counts, {
    unreadableChannels: result.unreadableChannels,
  });
  try {
    await progress.finish(summary);
  } catch {
    // A very long run can outlive the command's response_url (30 minutes): DM the summary.
    await sendDirectMessage(services, member.userId, summary);
  }
}
