/**
 * The bot scopes the app asks for when Slack's install flow installs it: the same as
 * manifest.yml's `oauth_config.scopes.bot` (a test keeps the two equal), whose comments say why.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'users:read.email',
  'channels:read',
  'groups:read',
  'files:write',
] as const;
