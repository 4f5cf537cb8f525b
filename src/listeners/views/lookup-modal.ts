import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { ActionIds, BlockIds, lookupModal } from '../../blocks';
import { searchInModal } from '../../flows/lookup-modal';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The modal's Search button: keep the modal open and answer inside it. */
export function lookupModalSubmitted(services: Services) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const text = view.state.values[BlockIds.search]?.[ActionIds.searchInput]?.value ?? '';
    await ack({ response_action: 'update', view: lookupModal({ state: 'loading', query: text }) });
    const member = memberOf(body);
    await searchInModal(services, member, view.id, text);
  };
}
