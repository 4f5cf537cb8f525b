// Events API bodies shaped like the ones Slack sends: the `event_callback` envelope (with its
// `authorizations`, which say which installation the event is for) and the events the app
// handles. Defaults match the Slack stand-in (team T0001, bot U0BOT, app A0RCNUMBER).
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_APP_ID,
  DEFAULT_BOT_USER_ID,
  DEFAULT_TEAM_ID,
  nowTs,
  VERIFICATION_TOKEN,
} from './payloads';

let seq = 0;

export interface EnvelopeOptions {
  teamId?: string;
  eventId?: string;
  botUserId?: string;
  /** The Enterprise Grid organisation the event comes from. */
  enterpriseId?: string;
  /** The event is for the organisation's org-wide install (its team_id is then null). */
  isEnterpriseInstall?: boolean;
  /** When it happened, in whole seconds (a retried event is older than its delivery). */
  eventTime?: number;
}

/** The Events API `event_callback` envelope around one event. */
export function eventEnvelope(
  event: Record<string, unknown>,
  options: EnvelopeOptions = {},
): Record<string, unknown> {
  const teamId = options.teamId ?? DEFAULT_TEAM_ID;
  seq += 1;
  return {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: DEFAULT_APP_ID,
    event: { event_ts: nowTs(), ...event },
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${String(seq).padStart(9, '0')}`,
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    ...(options.enterpriseId ? { enterprise_id: options.enterpriseId } : {}),
    authorizations: [
      {
        enterprise_id: options.enterpriseId ?? null,
        team_id: options.isEnterpriseInstall ? null : teamId,
        user_id: options.botUserId ?? DEFAULT_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: options.isEnterpriseInstall ?? false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(8).toString('hex')}`,
  };
}

/** `app_home_opened`: the user opened the app's Home (or Messages) tab. */
export function appHomeOpenedEvent(input: {
  userId: string;
  tab?: 'home' | 'messages';
  channel?: string;
  view?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user: input.userId,
    channel: input.channel ?? `D${input.userId.slice(1)}`,
    tab: input.tab ?? 'home',
    event_ts: nowTs(),
    ...(input.view === undefined ? {} : { view: input.view }),
  };
}

/** `team_join`: a new member joined the workspace; Slack sends the full user object. */
export function teamJoinEvent(user: {
  id: string;
  teamId?: string;
  name?: string;
  realName?: string;
  email?: string;
  isBot?: boolean;
  isRestricted?: boolean;
}): Record<string, unknown> {
  const name = user.name ?? user.id.toLowerCase();
  const realName = user.realName ?? name;
  return {
    type: 'team_join',
    user: {
      id: user.id,
      team_id: user.teamId ?? DEFAULT_TEAM_ID,
      name,
      real_name: realName,
      deleted: false,
      is_bot: user.isBot ?? false,
      is_app_user: false,
      is_admin: false,
      is_owner: false,
      is_restricted: user.isRestricted ?? false,
      is_ultra_restricted: false,
      tz: 'America/Los_Angeles',
      profile: {
        real_name: realName,
        display_name: name,
        ...(user.email === undefined ? {} : { email: user.email }),
      },
    },
    event_ts: nowTs(),
  };
}

/** `app_uninstalled`: the app was removed from the workspace (or organisation). */
export function appUninstalledEvent(): Record<string, unknown> {
  return { type: 'app_uninstalled', event_ts: nowTs() };
}

/** `team_access_revoked`: the org-wide install no longer reaches these workspaces. */
export function teamAccessRevokedEvent(teamIds: string[]): Record<string, unknown> {
  return { type: 'team_access_revoked', team_ids: teamIds, event_ts: nowTs() };
}

/** `tokens_revoked`: these user (`oauth`) and bot tokens no longer work. */
export function tokensRevokedEvent(tokens: {
  oauth?: string[];
  bot?: string[];
}): Record<string, unknown> {
  return { type: 'tokens_revoked', tokens: { oauth: [], bot: [], ...tokens }, event_ts: nowTs() };
}
