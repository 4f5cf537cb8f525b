import type {
  AllMiddlewareArgs,
  BlockPlainTextInputAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { answerCommand } from '../../answers/answer-command';
import { replyForError } from '../../answers/reply-for-error';
import { lookupModal, renderInvalid } from '../../blocks';
import { parseCommand, USAGE } from '../../commands';
import type { Services } from '../../services';
import type { MemberKey } from '../../store/types';
import { memberOf } from '../member-of';

type Args = SlackActionMiddlewareArgs<BlockPlainTextInputAction> & AllMiddlewareArgs;

/** Enter in the modal's search box: answer inside the modal. */
export function searchInputAction(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const viewId = body.view?.id;
    if (!viewId) return;
    const member = memberOf(body);
    await searchInModal(services, client, member, viewId, action.value ?? '');
  };
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
  let results: import('../../blocks').Message;
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
