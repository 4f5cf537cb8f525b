import { type Message, onboardSummary } from '../blocks';
import type { ProgressFn } from '../directory';
import type { Command } from '../grammar';
import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import type { MemberKey } from '../store/types';
import { onboardMembers } from './onboard-members';
import { requireAdmin } from './require-admin';

type OnboardCommand = Extract<Command, { kind: 'onboard' }>;

/**
 * `/rcnumber onboard @user… #channel…`, for RingCentral admins only (as RingCentral describes
 * them right now). Errors are thrown for the command's one error path to word: not linked →
 * link prompt, not an admin → refused.
 */
export async function runOnboard(
  services: Services,
  member: MemberKey,
  command: OnboardCommand,
  progress: { onProgress: ProgressFn; finish: (message: Message) => Promise<void> },
): Promise<void> {
  await requireAdmin(services, member, 'onboard');

  const result = await onboardMembers(services, member.teamId, command, progress.onProgress);
  const summary = onboardSummary(result.counts, {
    unreadableChannels: result.unreadableChannels,
  });
  try {
    await progress.finish(summary);
  } catch {
    // A very long run can outlive the command's response_url (30 minutes): DM the summary.
    await sendDirectMessage(services, member, summary);
  }
}
