import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { commandFromShare } from '../../answers/replay';
import { replyForError } from '../../answers/reply-for-error';
import { shareAnswer, shareTarget } from '../../answers/share';
import { renderNotice } from '../../blocks';
import { parseShareValue } from '../../blocks/values';
import type { Services } from '../../services';
import { memberOf } from '../member-of';
import { answerInPlace, placeOf } from './respond-in-place';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Share in channel" on a lookup, extension, numbers or company answer. */
export function shareAction(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    const place = placeOf(body);
    const value = parseShareValue(action.value);
    const command = value ? commandFromShare(value) : null;
    if (!value || !command) return;
    try {
      const target = await shareTarget(services, body.channel?.id ?? '');
      await shareAnswer(services, member, command, target.channelId, value.o);
      await answerInPlace(client, place, renderNotice(`Shared in <#${target.channelId}>.`), {
        replace: false,
      });
    } catch (error) {
      await answerInPlace(client, place, await replyForError(services, member, error), {
        replace: false,
      });
    }
  };
}
