// Driving the app in many-workspace mode: a browser running Slack's install flow, and commands
// and links from members of any workspace (or organisation), all over HTTP like Slack.
import type { InstallAs, RecordedCall, ResponseBody } from '../../src/slack-stand-in';
import { postEvent, postSlashCommand } from '../../src/slack-stand-in';
import { type Harness, isProgress, linkUrlOf, SIGNING_SECRET } from './harness';

/** Where a request comes from: a workspace, maybe in an organisation with an org-wide install. */
export interface Place {
  teamId: string;
  enterpriseId?: string;
  /** The organisation's org-wide install answers (Slack then says is_enterprise_install). */
  orgWide?: boolean;
}

export interface InstallRun {
  status: number;
  html: string;
  /** Slack's authorize URL the app redirected the browser to. */
  authorizeUrl: string;
  /** The state cookie the app set on the browser. */
  cookie: string;
}

let sequence = 0;

/**
 * One browser installing the app: GET /slack/install (Bolt sets its state cookie and redirects
 * to Slack's authorize page), Slack's page approved by `as`, then the redirect back, carrying
 * the cookie unless told otherwise.
 */
export async function installApp(
  h: Harness,
  as: InstallAs,
  options: { cookie?: string | null } = {},
): Promise<InstallRun> {
  const start = await fetch(`${h.appUrl}/slack/install`, { redirect: 'manual' });
  await start.body?.cancel();
  const authorizeUrl = start.headers.get('location');
  const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';
  if (start.status !== 302 || !authorizeUrl) {
    throw new Error(`/slack/install answered ${start.status}, not a redirect`);
  }
  const back = await h.slack.approveInstall(authorizeUrl, as);
  const sent = options.cookie === undefined ? cookie : options.cookie;
  const answer = await fetch(back, {
    redirect: 'manual',
    headers: sent ? { cookie: sent } : {},
  });
  return { status: answer.status, html: await answer.text(), authorizeUrl, cookie };
}

/** `/rcnumber <text>` from a member of `place`; resolves with the final reply. */
export async function commandIn(
  h: Harness,
  place: Place,
  userId: string,
  text: string,
  options: { timeoutMs?: number } = {},
): Promise<ResponseBody> {
  const id = `ws-cmd-${++sequence}`;
  const result = await postSlashCommand(h.appUrl, SIGNING_SECRET, {
    text,
    user_id: userId,
    team_id: place.teamId,
    ...(place.enterpriseId ? { enterprise_id: place.enterpriseId } : {}),
    is_enterprise_install: place.orgWide ?? false,
    channel_id: 'C0001',
    response_url: h.slack.responseUrl(id),
  });
  if (result.status !== 200) throw new Error(`slash command answered ${result.status}`);
  const reply = await h.slack.waitForResponse(id, (body) => !isProgress(body), options.timeoutMs);
  return reply.body;
}

/** Whether a command from `place` is answered at all within `ms` (no installation: not). */
export function answered(h: Harness, place: Place, userId: string, ms = 800): Promise<boolean> {
  return commandIn(h, place, userId, 'me', { timeoutMs: ms }).then(
    () => true,
    () => false,
  );
}

/** Links a member of `place` by the real flow: their Connect button → sign-in → callback. */
export async function linkIn(h: Harness, place: Place, userId: string, who: string) {
  const prompt = await commandIn(h, place, userId, 'link');
  const url = linkUrlOf(prompt);
  if (!url) throw new Error(`no link button in ${JSON.stringify(prompt)}`);
  const callback = await h.sandbox.approve(await h.authorizeUrl(url), who);
  return h.openCallback(callback);
}

/** An Events API event from `place`, signed like Slack's. */
export function eventFrom(
  h: Harness,
  place: Place,
  event: Record<string, unknown>,
  options: { eventTime?: number } = {},
) {
  return postEvent(h.appUrl, SIGNING_SECRET, event, {
    ...options,
    teamId: place.teamId,
    ...(place.enterpriseId ? { enterpriseId: place.enterpriseId } : {}),
    isEnterpriseInstall: place.orgWide ?? false,
  });
}

export { eventually } from './wait';

/** The Slack member a Web API call is about: whom it DMs, looks up or publishes for. */
export function memberOfCall(call: RecordedCall): string | undefined {
  const { args } = call;
  const id = args.user_id ?? args.user ?? args.channel;
  return typeof id === 'string' && /^[UW]/.test(id) ? id : undefined;
}
