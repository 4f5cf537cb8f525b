// The workspaces and Enterprise Grid organisations the stand-in plays, and each workspace's
// handle as callers see it.
import type { Enterprise } from './grants';
import type { NewWorkspace, StandInWorkspace } from './stand-in-types';
import type { ApiAnswer } from './types';
import { fail } from './types';
import { Workspace } from './workspace';

export class Registry {
  readonly workspaces = new Map<string, Workspace>();
  readonly enterprises = new Map<string, Enterprise>();
  /** Where upload URLs point (the stand-in's origin, once it listens). */
  private origin = '';

  constructor(private readonly appId: string) {}

  add(input: NewWorkspace): Workspace {
    const ws = new Workspace(
      {
        teamId: input.teamId,
        teamName: input.teamName ?? 'rcnumber test',
        botUserId: input.botUserId ?? 'U0BOT',
        botId: input.botId ?? 'B0BOT',
        appId: this.appId,
        ...(input.enterpriseId ? { enterpriseId: input.enterpriseId } : {}),
      },
      input.generalChannelId ?? 'C0001',
    );
    ws.uploadOrigin = this.origin;
    for (const user of input.users ?? []) ws.addUser(user);
    for (const channel of input.channels ?? []) ws.addChannel(channel);
    this.workspaces.set(input.teamId, ws);
    if (input.enterpriseId) {
      const enterprise = this.enterprises.get(input.enterpriseId) ?? {
        id: input.enterpriseId,
        name: input.enterpriseName ?? input.enterpriseId,
        teamIds: new Set<string>(),
      };
      enterprise.teamIds.add(input.teamId);
      this.enterprises.set(enterprise.id, enterprise);
    }
    return ws;
  }

  set uploadOrigin(origin: string) {
    this.origin = origin;
    for (const ws of this.workspaces.values()) ws.uploadOrigin = origin;
  }

  /** An org-wide token without `team_id` acts for the organisation: only auth.test answers. */
  orgAnswer(method: string, org: Enterprise): ApiAnswer {
    const first = this.workspaces.get([...org.teamIds][0] ?? '');
    if (method !== 'auth.test' || !first) return fail('missing_argument', ['[ERROR] team_id']);
    return {
      ok: true,
      url: `https://${org.id.toLowerCase()}.enterprise.slack.com/`,
      team: org.name,
      user: 'rcnumber',
      team_id: '',
      enterprise_id: org.id,
      user_id: first.identity.botUserId,
      bot_id: first.identity.botId,
      is_enterprise_install: true,
    };
  }
}

/** One workspace as callers see it. */
export function handleOf(ws: Workspace): StandInWorkspace {
  return {
    identity: ws.identity,
    users: ws.users,
    addUser: (user) => ws.addUser(user),
    channels: ws.channels,
    addChannel: (channel) => ws.addChannel(channel),
    views: ws.views,
    files: ws.files,
    homeView(userId) {
      const id = ws.homeViews.get(userId);
      return id === undefined ? undefined : ws.views.get(id);
    },
  };
}
