import type { MemberKey } from '../model';
import type { SlackPeople } from './people';

/** A slow Slack answer must not hold the page: past this, the member is named by id alone. */
const LOOKUP_MS = 3_000;

export interface MemberLabel {
  /** "Ana Ruiz (@ana)", or the member id when Slack does not say. */
  name: string;
  userId: string;
  teamId: string;
}

/**
 * How the linking pages name the Slack member a Connect token is bound to, so whoever opens a
 * forwarded button sees whose Slack account it would link before approving anything.
 */
export async function memberLabel(
  services: { people: SlackPeople },
  key: MemberKey,
): Promise<MemberLabel> {
  const member = await withTimeout(services.people.member(key.teamId, key.userId), LOOKUP_MS);
  const real = member?.realName?.trim() || null;
  const display = member?.displayName?.trim() || null;
  let name = key.userId;
  if (real && display && display !== real) name = `${real} (@${display})`;
  else if (real) name = real;
  else if (display) name = `@${display}`;
  return { name, userId: key.userId, teamId: key.teamId };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return Promise.race([work.catch(() => null), late]).finally(() => clearTimeout(timer));
}
