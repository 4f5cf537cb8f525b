import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerCommand, type DirectoryCommand } from '../../answers/answer-command';
import { replyForError } from '../../answers/reply-for-error';
import type { Services } from '../../services';
import { memberOf } from '../member-of';
import { answerInPlace, placeOf } from './respond-in-place';
import { shareableFrom } from './shareable';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Numbers" / "Forwarding" next to an extension: that extension's list, asked afresh. */
export function extensionButtonAction(services: Services, kind: 'numbers' | 'forwarding') {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    const place = placeOf(body);
    const number = (action.value ?? '').trim();
    if (!/^\d{1,10}$/.test(number)) return;
    const command: DirectoryCommand = { kind, target: { kind: 'extension', number } };
    try {
      const message = await answerCommand(services, member, command, {
        shareable: shareableFrom(place, body.channel?.id),
      });
      await answerInPlace(client, place, message, { replace: Boolean(place.view) });
    } catch (error) {
      const reply = await replyForError(services, member, error, { action: kind });
      await answerInPlace(client, place, reply, { replace: Boolean(place.view) });
    }
  };
}
