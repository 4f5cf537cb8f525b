import type { Message } from '../blocks';

/**
 * Posts an ephemeral reply to a response_url (a command's or a button's). `replace` swaps it in
 * for the message the button sat in. Resolves with whether Slack took it; never throws, since a
 * response_url expires (30 minutes, about five uses) and callers then choose another way.
 */
export async function postToResponseUrl(
  responseUrl: string,
  message: Message,
  options: { replace: boolean },
): Promise<boolean> {
  const answer = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      response_type: 'ephemeral',
      replace_original: options.replace,
      ...message,
    }),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  await answer?.body?.cancel().catch(() => undefined);
  return Boolean(answer?.ok);
}
