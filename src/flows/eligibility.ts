import type { Config } from '../config';

/** What Slack tells about a member, from `users.info` or the `team_join` event's user object. */
export interface MemberFacts {
  isBot: boolean;
  deleted: boolean;
  isGuest: boolean;
}

/** Why a member gets no prompt, or null when one may be sent. */
export type Ineligible = 'bot' | 'deleted' | 'guest';

/** Slackbot is a bot, though `users.info` does not always say so. */
export const SLACKBOT_ID = 'USLACKBOT';

/**
 * Prompts go to people only: never to bots or deactivated members, and to guests only when the
 * workspace opted in (ONBOARD_GUESTS), since guests usually have no RingCentral extension.
 */
export function ineligible(
  facts: MemberFacts,
  config: Pick<Config, 'onboardGuests'>,
): Ineligible | null {
  if (facts.deleted) return 'deleted';
  if (facts.isBot) return 'bot';
  if (facts.isGuest && !config.onboardGuests) return 'guest';
  return null;
}

/** The `team_join` event carries Slack's raw user object. */
export function factsOfSlackUser(user: {
  id?: string;
  is_bot?: boolean;
  deleted?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
}): MemberFacts {
  return {
    isBot: Boolean(user.is_bot) || user.id === SLACKBOT_ID,
    deleted: Boolean(user.deleted),
    isGuest: Boolean(user.is_restricted || user.is_ultra_restricted),
  };
}
