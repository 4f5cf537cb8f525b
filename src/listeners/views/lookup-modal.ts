import type { WebClient } from '@slack/web-api';
import { linkPrompt } from '../../answers/link-prompt';
import { lookupModal } from '../../blocks';
import type { Services } from '../../services';
import type { MemberKey } from '../../store/types';

/**
 * `/rcnumber` alone: opens a loading modal at once (the trigger id lives 3 s), then updates it
 * with the search box, or with the link prompt for a member who is not linked.
 */
export async function openLookupModal(
  services: Services,
  client: WebClient,
  member: MemberKey,
  triggerId: string,
): Promise<void> {
  const opened = await client.views.open({
    trigger_id: triggerId,
    view: lookupModal({ state: 'loading' }),
  });
  const viewId = opened.view?.id;
  if (!viewId) return;
  const link = await services.links.getLink(member);
  const results =
    link && link.status === 'active'
      ? undefined
      : await linkPrompt(services, member, {
          reason: link?.brokenReason ?? null,
        });
  await client.views.update({
    view_id: viewId,
    hash: opened.view?.hash,
    view: lookupModal({ state: 'ready', results }),
  });
}
