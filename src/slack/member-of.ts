import type { MemberKey } from '../model';

/** The Slack member an interaction came from: team (or the user's own team) and user id. */
export function memberOf(body: {
  team?: { id?: string } | null;
  user: { id: string; team_id?: string };
}): MemberKey {
  return { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id };
}
