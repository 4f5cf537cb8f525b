import type { MemberKey } from '../model';
import type { SlackPeople } from './people';

/** A slow Slack answer must not hold the page: past this, the member is named by id alone. */
const LOOKUP_MS = 3_000;

export interface MemberLabel {
  /** "Ana Ruiz (@ana)", or the member id when Slack does not say. */
  name: string;
  /** The full name on the profile, when Slack says. */
  realName: string | null;
  /** "@ana": the display name, else the username, when Slack says. */
  handle: string | null;
  /** The workspace's name, when Slack says. */
  workspace: string | null;
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
  const [member, workspace] = await Promise.all([
    withTimeout(services.people.member(key.teamId, key.userId), LOOKUP_MS),
    withTimeout(services.people.workspaceName(key.teamId), LOOKUP_MS),
  ]);
  const real = member?.realName?.trim() || null;
  const display = member?.displayName?.trim() || null;
  const handle = display || member?.username?.trim() || null;
  let name = key.userId;
  if (real && display && display !== real) name = `${real} (@${display})`;
  else if (real) name = real;
  else if (display) name = `@${display}`;
  return {
    name,
    realName: real,
    handle: handle ? `@${handle}` : null,
    workspace,
    userId: key.userId,
    teamId: key.teamId,
  };
}

/** "Acme (T0001)", or the team id alone when Slack did not name the workspace. */
export function workspaceWords(label: MemberLabel): string {
  return label.workspace ? `${label.workspace} (${label.teamId})` : label.teamId;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return Promise.race([work.catch(() => null), late]).finally(() => clearTimeout(timer));
}
