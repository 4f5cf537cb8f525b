import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { cpuSlices } from '../../cpu-slices';
import { answerNumbersInMessage } from '../../flows/message-numbers';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';
import { messageText } from '../../slack/message-text';
import { replyThrough } from '../../slack/reply';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Message shortcut "Who owns these numbers?": acknowledged at once, answered ephemerally through
 * its response_url, or by DM when Slack refuses that (expired, used up, unreachable).
 */
export function whoOwnsNumbers(services: Services) {
  return async ({ ack, shortcut }: Args): Promise<void> => {
    await ack();
    // The answer starts on a later turn of the event loop: acks of requests already waiting go first.
    await cpuSlices.next();
    const member = memberOf(shortcut);
    const responseUrl = shortcut.response_url ?? null;
    // Posted beside the message the shortcut was used on, which is not the app's to replace.
    const options = { replace: false, ...services.slackTimeouts };
    const reply = replyThrough(services, { ...member, responseUrl }, options);
    const text = messageText(shortcut.message);
    const channelId = shortcut.channel?.id ?? null;
    await answerNumbersInMessage(
      services,
      { ...member, text, channelId, responseUrl },
      reply.answer,
    );
  };
}
