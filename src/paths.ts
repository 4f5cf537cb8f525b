/** The app's own HTTP paths under PUBLIC_URL: routes serve them; buttons and config point at them. */
export const PATHS = {
  slackEvents: '/slack/events',
  /** A Connect button's confirmation page (GET) and its "Continue" (POST). */
  connect: '/oauth/ringcentral/start',
  /** RingCentral's redirect back after sign-in: the OAuth redirect URI. */
  oauthCallback: '/oauth/ringcentral/callback',
  /** The second confirmation of a sign-in whose emails differ (LINK_EMAIL_MATCH=confirm). */
  linkConfirm: '/oauth/ringcentral/confirm',
  health: '/healthz',
  /** Slack's install flow (many workspaces): Bolt serves both. */
  slackInstall: '/slack/install',
  /** Where Slack sends the browser back after an install: the Slack app's redirect URL. */
  slackOAuthRedirect: '/slack/oauth_redirect',
  /** Prometheus metrics. */
  metrics: '/metrics',
  /** RingCentral's webhook: push notifications of the subscriptions made for each link. */
  ringcentralEvents: '/ringcentral/events',
} as const;
