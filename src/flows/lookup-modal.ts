import type { WebClient } from '@slack/web-api';
import { lookupModal, type Message, renderInvalid } from '../blocks';
import { parseCommand, USAGE } from '../grammar';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { answerCommand } from './answer-command';
import { linkPrompt } from './link-prompt';
import { replyForError } from './reply-for-error';

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

/** Runs what was typed in the modal (a number, `ext 101`, `find ana`…) and shows the answer. */
export async function searchInModal(
  services: Services,
  client: WebClient,
  member: MemberKey,
  viewId: string,
  text: string,
): Promise<void> {
  const query = text.trim();
  await client.views.update({ view_id: viewId, view: lookupModal({ state: 'loading', query }) });
  const parsed = parseCommand(query);
  let results: Message;
  try {
    switch (parsed.kind) {
      case 'lookup':
      case 'extension':
      case 'find':
      case 'numbers':
      case 'forwarding':
      case 'company':
        results = await answerCommand(services, member, parsed, { shareable: false });
        break;
      case 'invalid':
        results = renderInvalid(parsed.message, [...USAGE]);
        break;
      default:
        results = renderInvalid('In this box, type a number, `ext 101`, or `find ana`.', [
          ...USAGE,
        ]);
    }
  } catch (error) {
    results = await replyForError(services, member, error);
  }
  await client.views.update({
    view_id: viewId,
    view: lookupModal({ state: 'ready', query, results }),
  });
}
