import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerCommand } from '../../answers/answer-command';
import { linkPrompt } from '../../answers/link-prompt';
import { progressReporter } from '../../answers/progress';
import { replyForError } from '../../answers/reply-for-error';
import { unlinkMember } from '../../answers/unlink';
import { type Message, renderHelp, renderInvalid, renderMe, renderUnlinked } from '../../blocks';
import { parseCommand, USAGE } from '../../commands';
import type { Services } from '../../services';
import { openLookupModal } from '../views/lookup-modal';
import { runOnboard } from './onboard';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/rcnumber …`: acknowledges at once, then answers through the response_url, ephemerally,
 * under the asker's own RingCentral token.
 */
export function rcnumberCommand(services: Services) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    const parsed = parseCommand(command.text ?? '');
    const member = { teamId: command.team_id, userId: command.user_id };
    if (parsed.kind === 'modal') {
      await ack();
      await openLookupModal(services, client, member, command.trigger_id);
      return;
    }
    await ack();
    const where = { channelId: command.channel_id, responseUrl: command.response_url };
    const reply = (message: Message) =>
      respond({ response_type: 'ephemeral', replace_original: true, ...message });
    const progress = progressReporter(reply);
    try {
      switch (parsed.kind) {
        case 'help':
          return await progress.finish(renderHelp([...USAGE]));
        case 'invalid':
          return await progress.finish(renderInvalid(parsed.message, [...USAGE]));
        case 'link':
          return await progress.finish(await linkPrompt(services, member, where));
        case 'unlink':
          await unlinkMember(services, member);
          return await progress.finish(renderUnlinked());
        case 'me': {
          const link = await services.links.getLink(member);
          if (!link) return await progress.finish(await linkPrompt(services, member, where));
          return await progress.finish(renderMe(link, services.now()));
        }
        case 'onboard':
          return await runOnboard(services, member, parsed, progress);
        default: {
          const shareable = !command.channel_id.startsWith('D');
          const message = await answerCommand(services, member, parsed, {
            shareable,
            onProgress: progress.onProgress,
          });
          return await progress.finish(message);
        }
      }
    } catch (error) {
      const action = parsed.kind === 'invalid' ? undefined : parsed.kind;
      await progress.finish(await replyForError(services, member, error, { ...where, action }));
    }
  };
}
