import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerAction } from '../../flows/answer-action';
import { shareFromButton } from '../../flows/share-buttons';
import type { Services } from '../../services';
import { placeOf } from '../../slack/answer-in-place';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Share in channel" on a lookup, extension, numbers or company answer. */
export function share(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const site = { client, member: memberOf(body), place: placeOf(body), replace: false };
    await answerAction(services, site, () =>
      shareFromButton(services, site, action.value, {
        channelId: body.channel?.id ?? '',
        triggerId: body.trigger_id,
      }),
    );
  };
}
