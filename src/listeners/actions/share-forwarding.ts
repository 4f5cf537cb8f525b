import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerAction } from '../../flows/answer-action';
import { shareForwardingFromButton } from '../../flows/share-buttons';
import type { Services } from '../../services';
import { placeOf } from '../../slack/answer-in-place';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Share in channel" on a forwarding list: always asks to confirm first, in a modal. */
export function shareForwarding(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const site = { client, member: memberOf(body), place: placeOf(body), replace: false };
    await answerAction(services, { ...site, errorAction: 'forwarding' }, () =>
      shareForwardingFromButton(services, site, action.value, {
        channelId: body.channel?.id ?? '',
        triggerId: body.trigger_id,
      }),
    );
  };
}
