import { type Message, type Refusal, renderRefusal, signButtons } from '../blocks';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { answerInPlace } from '../slack/answer-in-place';
import type { ActionSite } from './answer-action';

/** The reply with its command buttons signed for the one member who will see it. */
export function signedFor(services: Services, member: MemberKey, reply: Message): Message {
  return signButtons(reply, (actionId, value) => services.values.sign(member, actionId, value));
}

/**
 * A clicked button's value, when this app made it for the clicker; otherwise null, once the
 * clicker has been told why nothing happened.
 */
export async function valueOfClick(
  services: Services,
  site: ActionSite,
  actionId: string,
  raw: string | undefined,
): Promise<string | null> {
  const opened = services.values.open(site.member, actionId, raw);
  if (opened.ok) return opened.value;
  await refuseClick(services, site, actionId, opened.refusal, opened.madeFor);
  return null;
}

/**
 * Says what happened beside the button (the message it sat in stays as it was) and logs the
 * refusal with ids only: never the value, which may come from whoever forged it.
 */
export async function refuseClick(
  services: Services,
  site: ActionSite,
  actionId: string,
  refusal: Refusal,
  madeFor?: MemberKey,
): Promise<void> {
  services.logger.warn(
    {
      teamId: site.member.teamId,
      userId: site.member.userId,
      actionId,
      refusal,
      ...(madeFor ? { madeForTeamId: madeFor.teamId, madeForUserId: madeFor.userId } : {}),
    },
    'button refused',
  );
  await answerInPlace(services, site.member.userId, site.place, renderRefusal(refusal), {
    replace: false,
  });
}
