// Slack's install flow as the stand-in plays it: the authorize page (which, instead of asking,
// sends the browser straight back with a code for whoever the caller says is installing) and
// `oauth.v2.access`, which trades that code for a new bot token of that workspace or
// organisation. Codes are single use and expire, like Slack's.
import { randomBytes } from 'node:crypto';
import type { Enterprise, Grant, Grants } from './grants';
import { type ApiAnswer, type ApiArgs, fail, text } from './types';
import type { Workspace } from './workspace';

/** The Slack app's own credentials, which oauth.v2.access checks. */
export interface InstallClient {
  clientId: string;
  clientSecret: string;
}

/** Who installs, in the stand-in's authorize page: a member of a workspace, or of an org. */
export interface InstallAs {
  userId: string;
  /** A workspace install. */
  teamId?: string;
  /** An org-wide install (Enterprise Grid) instead. */
  enterpriseId?: string;
  /** The installer presses Cancel. */
  deny?: boolean;
}

/** Query parameters the stand-in's authorize page reads to know who is installing. */
export const AS_PARAMS = {
  user: 'stand_in_user',
  team: 'stand_in_team',
  enterprise: 'stand_in_enterprise',
  deny: 'stand_in_deny',
} as const;

interface PendingCode {
  grant: Grant;
  userId: string;
  scopes: string[];
  redirectUri: string | undefined;
  expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;

export class Installs {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly grants: Grants,
    private readonly workspaces: Map<string, Workspace>,
    private readonly enterprises: Map<string, Enterprise>,
    private readonly client: InstallClient,
    private readonly appId: string,
  ) {}

  /** `GET /oauth/v2/authorize`: where the browser goes next, or why the page refuses. */
  authorize(url: URL): { location: string } | { refused: string } {
    const q = url.searchParams;
    if (q.get('client_id') !== this.client.clientId) return { refused: 'invalid_client_id' };
    const scopes = (q.get('scope') ?? '').split(',').filter(Boolean);
    if (scopes.length === 0) return { refused: 'invalid_scope' };
    const redirect = q.get('redirect_uri') ?? undefined;
    if (!redirect) return { refused: 'bad_redirect_uri' };
    const back = new URL(redirect);
    const state = q.get('state');
    if (state !== null) back.searchParams.set('state', state);
    if (q.get(AS_PARAMS.deny) === '1') {
      back.searchParams.set('error', 'access_denied');
      return { location: back.toString() };
    }
    const grant = this.grantFor(q.get(AS_PARAMS.user) ?? '', q);
    if (!grant) return { refused: 'not_signed_in' };
    const code = `${Date.now()}.${randomBytes(16).toString('hex')}`;
    this.codes.set(code, {
      grant,
      userId: q.get(AS_PARAMS.user) ?? '',
      scopes,
      redirectUri: redirect,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    back.searchParams.set('code', code);
    return { location: back.toString() };
  }

  /** `oauth.v2.access`: the code, once, for a new bot token. */
  access(args: ApiArgs): ApiAnswer {
    if (text(args.client_id) !== this.client.clientId) return fail('invalid_client_id');
    if (text(args.client_secret) !== this.client.clientSecret) return fail('bad_client_secret');
    const code = text(args.code);
    const pending = code === undefined ? undefined : this.codes.get(code);
    if (code !== undefined) this.codes.delete(code);
    if (!pending || pending.expiresAt <= Date.now()) return fail('invalid_code');
    const redirect = text(args.redirect_uri);
    if (redirect !== undefined && redirect !== pending.redirectUri) return fail('bad_redirect_uri');
    const token = this.grants.issue(pending.grant);
    const { ws, enterprise } = this.placeOf(pending.grant);
    return {
      ok: true,
      app_id: this.appId,
      authed_user: { id: pending.userId },
      scope: pending.scopes.join(','),
      token_type: 'bot',
      access_token: token,
      bot_user_id: ws?.identity.botUserId,
      team:
        pending.grant.kind === 'team' && ws
          ? { id: ws.identity.teamId, name: ws.identity.teamName }
          : null,
      enterprise: enterprise ? { id: enterprise.id, name: enterprise.name } : null,
      is_enterprise_install: pending.grant.kind === 'enterprise',
    };
  }

  /** The installer must be a member of the workspace, or of one of the organisation's. */
  private grantFor(userId: string, q: URLSearchParams): Grant | undefined {
    const enterpriseId = q.get(AS_PARAMS.enterprise);
    if (enterpriseId) {
      const enterprise = this.enterprises.get(enterpriseId);
      const member = [...(enterprise?.teamIds ?? [])].some((id) =>
        this.workspaces.get(id)?.users.has(userId),
      );
      return member ? { kind: 'enterprise', enterpriseId } : undefined;
    }
    const teamId = q.get(AS_PARAMS.team) ?? '';
    return this.workspaces.get(teamId)?.users.has(userId) ? { kind: 'team', teamId } : undefined;
  }

  /** The workspace (or the organisation's first) and organisation a grant belongs to. */
  placeOf(grant: Grant): { ws: Workspace | undefined; enterprise: Enterprise | undefined } {
    if (grant.kind === 'team') {
      const ws = this.workspaces.get(grant.teamId);
      const enterpriseId = ws?.identity.enterpriseId;
      return { ws, enterprise: enterpriseId ? this.enterprises.get(enterpriseId) : undefined };
    }
    const enterprise = this.enterprises.get(grant.enterpriseId);
    const first = [...(enterprise?.teamIds ?? [])][0];
    return { ws: first === undefined ? undefined : this.workspaces.get(first), enterprise };
  }
}
