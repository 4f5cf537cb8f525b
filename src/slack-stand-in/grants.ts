// Which workspace each bot token acts in, as Slack decides it: a workspace install's token acts
// in its own workspace only; an org-wide install's token acts in every workspace of its
// organisation, named by the `team_id` argument; a token of an uninstalled app is revoked.
import { randomBytes } from 'node:crypto';
import { type ApiAnswer, fail, text } from './types';
import type { Workspace } from './workspace';

/** Whom a token was issued to. */
export type Grant = { kind: 'team'; teamId: string } | { kind: 'enterprise'; enterpriseId: string };

export interface Enterprise {
  id: string;
  name: string;
  teamIds: Set<string>;
}

/** Where a Web API call acts: a workspace, the organisation itself (org token, no team), or not. */
export type Resolved =
  | { ws: Workspace; grant: Grant | null }
  | { org: Enterprise }
  | { error: ApiAnswer };

interface Issued {
  grant: Grant;
  revoked: boolean;
}

export class Grants {
  private readonly tokens = new Map<string, Issued>();

  constructor(
    private readonly workspaces: Map<string, Workspace>,
    private readonly enterprises: Map<string, Enterprise>,
    /** The workspace every call acts in when tokens are not checked (the single-workspace default). */
    private readonly primary: Workspace,
    /** When false, any token (or none) acts in the primary workspace, as the stand-in always did. */
    private readonly strict: boolean,
  ) {}

  /** A new bot token for `grant`, shaped like Slack's `xoxb-…`. */
  issue(grant: Grant): string {
    const owner = grant.kind === 'team' ? grant.teamId : grant.enterpriseId;
    const token = `xoxb-${owner}-${randomBytes(12).toString('hex')}`;
    this.tokens.set(token, { grant, revoked: false });
    return token;
  }

  /** Accepts a token fixed in advance (the `botToken` option) for one workspace. */
  accept(token: string, grant: Grant): void {
    this.tokens.set(token, { grant, revoked: false });
  }

  /** Revokes every token issued to `grant` (the app was uninstalled); how many. */
  revoke(grant: Grant): number {
    let count = 0;
    for (const issued of this.tokens.values()) {
      if (!issued.revoked && sameGrant(issued.grant, grant)) {
        issued.revoked = true;
        count += 1;
      }
    }
    return count;
  }

  /** The tokens issued to `grant` that still work, newest last. */
  live(grant: Grant): string[] {
    return [...this.tokens]
      .filter(([, issued]) => !issued.revoked && sameGrant(issued.grant, grant))
      .map(([token]) => token);
  }

  resolve(token: string | undefined, args: Record<string, unknown>): Resolved {
    const issued = token === undefined ? undefined : this.tokens.get(token);
    if (!issued) {
      if (!this.strict) return { ws: this.primary, grant: null };
      return { error: fail(token ? 'invalid_auth' : 'not_authed') };
    }
    if (issued.revoked) return { error: fail('token_revoked') };
    const { grant } = issued;
    if (grant.kind === 'team') {
      const ws = this.workspaces.get(grant.teamId);
      return ws ? { ws, grant } : { error: fail('account_inactive') };
    }
    const enterprise = this.enterprises.get(grant.enterpriseId);
    if (!enterprise) return { error: fail('account_inactive') };
    const teamId = text(args.team_id);
    if (teamId === undefined) return { org: enterprise };
    const ws = enterprise.teamIds.has(teamId) ? this.workspaces.get(teamId) : undefined;
    return ws ? { ws, grant } : { error: fail('team_access_not_granted') };
  }
}

export function sameGrant(a: Grant, b: Grant): boolean {
  return a.kind === 'team'
    ? b.kind === 'team' && a.teamId === b.teamId
    : b.kind === 'enterprise' && a.enterpriseId === b.enterpriseId;
}
