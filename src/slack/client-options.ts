// How the app's own Slack Web API clients retry and time out.

/**
 * For the app's own Slack client (DMs, Home tabs, modals, onboarding look-ups). It waits out
 * every 429's Retry-After by itself, pausing its whole queue, then retries; the backoff here only
 * spaces retries after network errors, timeouts and 5xx, and gives up within about a minute of
 * backoff (plus the timed-out attempts) instead of the default half hour, since a person is
 * waiting. Bolt's own client keeps its retries (its start-up auth.test is a promise nobody
 * awaits until the first request, and must not fail early) but times out each attempt too.
 */
export const SLACK_RETRIES = {
  retries: 8,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 10_000,
  randomize: true,
};
/** No Slack call may hang: one attempt gives up after this long. */
export const SLACK_TIMEOUT_MS = 10_000;
