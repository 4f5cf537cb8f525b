import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noteConnectClicked } from '../../flows/buttons';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Connect RingCentral": the browser opens its URL; the click schedules one reminder. */
export function connect(services: Services) {
  return async ({ ack, body }: Args): Promise<void> => {
    await ack();
    await noteConnectClicked(services, memberOf(body));
  };
}
