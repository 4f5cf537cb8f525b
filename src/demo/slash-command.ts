/**
 * Slash commands posted to the app the way Slack posts them: a form body signed with the app's
 * signing secret (`v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`), so the demo goes through Bolt's
 * own signature check and routing.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface SlashCommand {
  appUrl: string;
  signingSecret: string;
  teamId: string;
  userId: string;
  text: string;
  responseUrl: string;
  channelId?: string;
}

export function slackSignature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

/** Posts `/rcnumber <text>`; resolves with the HTTP status of the app's acknowledgement. */
export async function postSlashCommand(command: SlashCommand): Promise<number> {
  const body = new URLSearchParams({
    token: 'unused-verification-token',
    team_id: command.teamId,
    team_domain: 'rcnumber-demo',
    channel_id: command.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: command.userId,
    user_name: command.userId.toLowerCase(),
    command: '/rcnumber',
    text: command.text,
    api_app_id: 'A0RCNUMBER',
    is_enterprise_install: 'false',
    response_url: command.responseUrl,
    trigger_id: `${Date.now()}.${randomBytes(6).toString('hex')}`,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${command.appUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(command.signingSecret, timestamp, body),
    },
    body,
  });
  await response.body?.cancel();
  return response.status;
}
