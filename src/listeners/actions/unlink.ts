import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { unlinkFromButton } from '../../flows/buttons';
import type { Services } from '../../services';
import { placeOf } from '../../slack/answer-in-place';
import { memberOf } from '../../slack/member-of';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Unlink" in a `me` reply or on the Home tab. */
export function unlink(services: Services) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const site = { client, member: memberOf(body), place: placeOf(body) };
    await unlinkFromButton(services, site, body.view?.type === 'home');
  };
}
