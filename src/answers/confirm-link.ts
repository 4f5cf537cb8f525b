import { renderLinked } from '../blocks';
import { publishHome } from '../onboarding/home-tab';
import type { Services } from '../services';
import type { Link, OAuthState } from '../store/types';

/**
 * Tells the member in Slack that the link worked: by replacing the prompt where they asked,
 * else in a DM. Refreshes their Home tab too.
 */
export async function confirmLink(
  services: Services,
  link: Link,
  state: OAuthState,
): Promise<void> {
  // No reminder for a member who finished; the Home tab shows the link without waiting on it.
  await services.members.cancelReminder(link).catch(() => undefined);
  services.background.run(publishHome(services, link));
  const message = renderLinked(link.identity);
  if (state.responseUrl) {
    const answer = await fetch(state.responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: true, ...message }),
    }).catch(() => null);
    if (answer?.ok) return;
  }
  const dm = await services.slack.conversations.open({ users: link.userId });
  if (dm.channel?.id) await services.slack.chat.postMessage({ channel: dm.channel.id, ...message });
}
