/**
 * Slack's error code ('not_in_channel', 'ratelimited', …) of a failed Web API call, as
 * `@slack/web-api` puts it on `error.data.error`; undefined for anything else.
 */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
