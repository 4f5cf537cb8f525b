import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { openLookupModal } from '../../flows/lookup-modal';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Search" on the Home tab: the lookup modal. */
export function openSearch(services: Services) {
  return async ({ ack, body }: Args): Promise<void> => {
    await ack();
    await openLookupModal(services, memberOf(body), body.trigger_id);
  };
}
