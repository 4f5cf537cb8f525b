import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Message } from '../../blocks';
import { answerNumbersInMessage } from '../../flows/message-numbers';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';
import { messageText } from '../../slack/message-text';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** Message shortcut "Who owns these numbers?": acknowledged at once, answered ephemerally. */
export function whoOwnsNumbers(services: Services) {
  return async ({ ack, shortcut, respond }: Args): Promise<void> => {
    await ack();
    const reply = (message: Message) =>
      respond({ response_type: 'ephemeral', replace_original: false, ...message });
    await answerNumbersInMessage(
      services,
      {
        ...memberOf(shortcut),
        text: messageText(shortcut.message),
        channelId: shortcut.channel?.id ?? null,
        responseUrl: shortcut.response_url ?? null,
      },
      reply,
    );
  };
}
