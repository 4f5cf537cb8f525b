import { type OnboardCounts, welcomeMessage } from '../blocks';
import type { ProgressFn } from '../directory';
import type { Services } from '../services';
import { channelMembers } from '../slack/channel-members';
import { sendDirectMessage } from '../slack/direct-message';
import { forEachLimited } from '../slack/for-each-limited';
import type { MemberKey } from '../store/types';
import { ineligible, SLACKBOT_ID } from './eligibility';
import { connectUrl } from './link-prompt';

/** Members prompted (welcomed, onboarded) this recently are left alone. */
export const PROMPT_QUIET_MS = 7 * 24 * 60 * 60_000;
/** Slack look-ups and DMs in flight at once for one run. */
const CONCURRENCY = 8;

export interface OnboardTargets {
  userIds: readonly string[];
  channelIds: readonly string[];
}

export interface OnboardResult {
  counts: Required<OnboardCounts>;
  unreadableChannels: string[];
}

type Outcome = keyof OnboardResult['counts'];

/**
 * `/rcnumber onboard`: sends the welcome prompt to every named member, and every member of the
 * named channels, who is a person, not linked, and not prompted in the last week. Each member
 * is counted under exactly one outcome.
 */
export async function onboardMembers(
  services: Services,
  teamId: string,
  targets: OnboardTargets,
  onProgress?: ProgressFn,
): Promise<OnboardResult> {
  const ids = new Set(targets.userIds);
  const unreadableChannels: string[] = [];
  for (const channelId of new Set(targets.channelIds)) {
    onProgress?.(0, 'Collecting channel members');
    const members = await channelMembers(services, channelId);
    if (members === null) unreadableChannels.push(channelId);
    else for (const id of members) ids.add(id);
  }

  const counts: OnboardResult['counts'] = {
    sent: 0,
    alreadyLinked: 0,
    bots: 0,
    recentlyReminded: 0,
    notFound: 0,
    failed: 0,
    guests: 0,
  };
  const members = [...ids];
  const label = `Working through ${members.length.toLocaleString('en-US')} members`;
  const now = services.now();
  await forEachLimited(
    members,
    CONCURRENCY,
    async (userId) => {
      counts[await promptOne(services, { teamId, userId }, now)] += 1;
    },
    (done, total) => onProgress?.(done / total, label),
  );
  services.logger.info({ teamId, ...counts }, 'onboard run finished');
  return { counts, unreadableChannels };
}

async function promptOne(services: Services, member: MemberKey, now: number): Promise<Outcome> {
  if (member.userId === SLACKBOT_ID) return 'bots';
  try {
    // The store first: it is local, so linked and recently prompted members (most of a rerun)
    // cost no Slack call at all. Only people are ever prompted, so neither can be a bot.
    if (await services.links.getLink(member)) return 'alreadyLinked';
    const record = await services.members.getMember(member);
    if (record?.lastPromptedAt != null && now - record.lastPromptedAt < PROMPT_QUIET_MS) {
      return 'recentlyReminded';
    }
    const person = await services.people.member(member.teamId, member.userId);
    if (!person) return 'notFound';
    const why = ineligible(person, services.config);
    if (why === 'deleted') return 'notFound';
    if (why === 'bot') return 'bots';
    if (why === 'guest') return 'guests';
    // Claimed before sending, atomically: two onboard runs at once never DM a member twice.
    if (!(await services.members.claimPrompt(member, now, now - PROMPT_QUIET_MS))) {
      return 'recentlyReminded';
    }
    const failure = await sendDirectMessage(
      services,
      member.userId,
      welcomeMessage({ connectUrl: await connectUrl(services, member) }),
    );
    if (failure) await services.members.releasePrompt(member, now);
    if (failure === 'gone') return 'notFound';
    if (failure === 'bot') return 'bots';
    if (failure) return 'failed';
    // This DM is the member's welcome: opening the app later sends no second one.
    await services.members.markWelcomed(member, now);
    return 'sent';
  } catch (error) {
    services.logger.warn(
      { userId: member.userId, message: (error as Error).message },
      'onboard prompt failed',
    );
    return 'failed';
  }
}
