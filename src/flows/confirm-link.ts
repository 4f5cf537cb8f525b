import { renderLinked } from '../blocks';
import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import { postToResponseUrl } from '../slack/respond';
import type { Link } from '../store/types';
import { publishHome } from './app-home';

/**
 * Tells the member in Slack that the link worked: by replacing the prompt where they asked,
 * else in a DM. Refreshes their Home tab too.
 */
export async function confirmLink(
  services: Services,
  link: Link,
  where: { responseUrl: string | null },
): Promise<void> {
  // No reminder for a member who finished; the Home tab shows the link without waiting on it.
  await services.members.cancelReminder(link).catch(() => undefined);
  services.background.run(publishHome(services, link));
  const message = renderLinked(link.identity);
  if (where.responseUrl && (await postToResponseUrl(where.responseUrl, message, { replace: true })))
    return;
  await sendDirectMessage(services, link.userId, message);
}
