import type {
  AllMiddlewareArgs,
  BlockPlainTextInputAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { searchInModal } from '../../flows/lookup-modal';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockPlainTextInputAction> & AllMiddlewareArgs;

/** Enter in the modal's search box: answer inside the modal. */
export function searchInput(services: Services) {
  return async ({ ack, body, action }: Args): Promise<void> => {
    await ack();
    if (!body.view?.id) return;
    await searchInModal(services, memberOf(body), body.view.id, action.value ?? '');
  };
}
