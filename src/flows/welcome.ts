import { welcomeMessage } from '../blocks';
import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import type { MemberKey } from '../store/types';
import { ineligible, type MemberFacts } from './eligibility';
import { connectUrl } from './link-prompt';
import { PROMPT_QUIET_MS } from './onboard-members';

/**
 * First contact: one welcome DM with a Connect button, the first time a member joins or opens
 * the app. The store decides "first" atomically, so duplicate event deliveries, two processes
 * or a restart never send it twice. `facts` comes with `team_join`; otherwise it is looked up.
 * Resolves with true when the DM was sent.
 */
export async function welcomeOnce(
  services: Services,
  member: MemberKey,
  facts?: MemberFacts,
): Promise<boolean> {
  if (await services.links.getLink(member)) return false;
  const known = facts ?? (await services.people.member(member.teamId, member.userId));
  if (!known || ineligible(known, services.config)) return false;
  const now = services.now();
  if (!(await services.members.markWelcomed(member, now))) return false;
  // A welcome is a prompt too, claimed like onboard's: whichever claims first sends the one DM,
  // and `onboard` then leaves the member alone for a week.
  if (!(await services.members.claimPrompt(member, now, now - PROMPT_QUIET_MS))) return false;
  const failure = await sendDirectMessage(
    services,
    member.userId,
    welcomeMessage({ connectUrl: await connectUrl(services, member) }),
  );
  if (failure) {
    await services.members.releasePrompt(member, now);
    return false;
  }
  return true;
}
