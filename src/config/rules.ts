/** The configuration's rules that span variables, or read one variable in more than one way. */

export const KEY_HINT =
  "make one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"";

export const INSTALL_VARIABLES = [
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
] as const;

/**
 * One workspace (SLACK_BOT_TOKEN) or many (the install flow's three variables), never both:
 * with both, which token answers a workspace would be a guess.
 */
export function slackModeProblems(env: Record<string, string | undefined>): string[] {
  const given = INSTALL_VARIABLES.filter((name) => env[name]);
  if (env.SLACK_BOT_TOKEN && given.length > 0) {
    return [
      `SLACK_BOT_TOKEN and ${given.join(', ')} are both set: keep SLACK_BOT_TOKEN for one workspace, or unset it to serve many workspaces through Slack's install flow`,
    ];
  }
  if (env.SLACK_BOT_TOKEN) return [];
  if (given.length === 0) {
    return [
      'SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to serve many workspaces',
    ];
  }
  return INSTALL_VARIABLES.filter((name) => !env[name]).map(
    (name) =>
      `${name} is not set: serving many workspaces needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together${name === 'SLACK_STATE_SECRET' ? `; ${KEY_HINT}` : ' (Basic Information → App Credentials)'}`,
  );
}

export function isThirtyTwoByteBase64(value: string): boolean {
  const trimmed = value.trim();
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) && Buffer.from(trimmed, 'base64').length === 32;
}

export type EventsMode = 'webhook' | 'websocket' | 'off';

/**
 * `auto` subscribes to webhooks only where RingCentral can deliver them: an https PUBLIC_URL
 * (RingCentral calls nothing else) and not Socket Mode, whose point is a firewall in between.
 * Anywhere else the app opens RingCentral's WebSocket subscriptions itself, outward, as Socket
 * Mode does with Slack.
 */
export function eventsMode(
  setting: 'auto' | EventsMode,
  publicUrl: string,
  appToken: string | undefined,
): EventsMode {
  if (setting !== 'auto') return setting;
  return publicUrl.startsWith('https://') && !appToken ? 'webhook' : 'websocket';
}
