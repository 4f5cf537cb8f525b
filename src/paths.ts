/** The app's own HTTP paths under PUBLIC_URL: routes serve them; buttons and config point at them. */
export const PATHS = {
  slackEvents: '/slack/events',
  /** A Connect button's confirmation page (GET) and its "Continue" (POST). */
  connect: '/oauth/ringcentral/start',
  /** RingCentral's redirect back after sign-in: the OAuth redirect URI. */
  oauthCallback: '/oauth/ringcentral/callback',
  health: '/healthz',
  /** Prometheus metrics. */
  metrics: '/metrics',
} as const;
