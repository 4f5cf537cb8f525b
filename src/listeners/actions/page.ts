import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerCommand } from '../../answers/answer-command';
import { commandFromPage } from '../../answers/replay';
import { replyForError } from '../../answers/reply-for-error';
import { parsePageValue } from '../../blocks/values';
import type { Services } from '../../services';
import { memberOf } from '../member-of';
import { answerInPlace, placeOf } from './respond-in-place';
import { shareableFrom } from './shareable';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Next / Previous: the same question again, at another offset, under the clicker's token. */
export function pageAction(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    const place = placeOf(body);
    const value = parsePageValue(action.value);
    if (!value) return;
    try {
      const message = await answerCommand(services, member, commandFromPage(value), {
        shareable: shareableFrom(place, body.channel?.id),
        offset: value.o,
      });
      await answerInPlace(client, place, message);
    } catch (error) {
      await answerInPlace(client, place, await replyForError(services, member, error));
    }
  };
}
