import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerPage } from '../../flows/buttons';
import type { Services } from '../../services';
import { placeOf } from '../../slack/answer-in-place';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Next" under a paged answer. */
export function pageNext(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const site = { client, member: memberOf(body), place: placeOf(body) };
    await answerPage(services, site, action, body.channel?.id);
  };
}
