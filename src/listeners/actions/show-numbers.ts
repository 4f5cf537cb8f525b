import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerExtensionList } from '../../flows/buttons';
import type { Services } from '../../services';
import { placeOf } from '../../slack/answer-in-place';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Numbers" next to an extension. */
export function showNumbers(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const site = { client, member: memberOf(body), place: placeOf(body) };
    await answerExtensionList(services, site, 'numbers', action.value, body.channel?.id);
  };
}
