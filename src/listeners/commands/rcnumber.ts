import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Message } from '../../blocks';
import { runCommand } from '../../flows/run-command';
import type { Services } from '../../services';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/rcnumber …`: acknowledged at once; the answer follows through the response_url. */
export function rcnumber(services: Services) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    await ack();
    const reply = (message: Message) =>
      respond({ response_type: 'ephemeral', replace_original: true, ...message });
    await runCommand(
      services,
      client,
      {
        text: command.text ?? '',
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        responseUrl: command.response_url,
        triggerId: command.trigger_id,
      },
      reply,
    );
  };
}
