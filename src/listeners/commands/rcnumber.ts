import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { cpuSlices } from '../../cpu-slices';
import { runCommand } from '../../flows/run-command';
import type { Services } from '../../services';
import { replyThrough } from '../../slack/reply';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/rcnumber …`: acknowledged at once; the answer follows through the response_url. */
export function rcnumber(services: Services) {
  return async ({ command, ack }: Args): Promise<void> => {
    await ack();
    // The answer starts on a later turn of the event loop: acks of requests already waiting go first.
    await cpuSlices.next();
    const where = {
      responseUrl: command.response_url,
      teamId: command.team_id,
      userId: command.user_id,
    };
    const reply = replyThrough(services, where, { replace: true, ...services.slackTimeouts });
    await runCommand(
      services,
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
