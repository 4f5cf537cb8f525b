import { renderHelp, renderInvalid, renderMe, renderUnlinked } from '../blocks';
import { isAppError } from '../errors';
import { parseCommand, USAGE } from '../grammar';
import type { Services } from '../services';
import type { Replier } from '../slack/reply';
import { answerCommand } from './answer-command';
import { auditPage } from './audit';
import { runExport } from './export';
import { linkPrompt } from './link-prompt';
import { openLookupModal } from './lookup-modal';
import { runOnboard } from './onboard';
import { progressReporter } from './progress';
import { replyForError } from './reply-for-error';
import { unlinkMember } from './unlink';

/** A slash command as the app needs it, whatever transport brought it. */
export interface SlashCommand {
  text: string;
  teamId: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  triggerId: string;
}

/**
 * `/rcnumber …` after the ack: answers through `reply` (the command's response_url, or a DM
 * when Slack refuses it), ephemerally, under the asker's own RingCentral token. Every failure
 * becomes words here.
 */
export async function runCommand(
  services: Services,
  command: SlashCommand,
  reply: Replier,
): Promise<void> {
  const parsed = parseCommand(command.text);
  const member = { teamId: command.teamId, userId: command.userId };
  if (parsed.kind === 'modal') {
    await openLookupModal(services, member, command.triggerId, reply.answer);
    return;
  }
  const where = { channelId: command.channelId, responseUrl: command.responseUrl };
  const progress = progressReporter(reply);
  const started = performance.now();
  let outcome = 'ok';
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
      case 'audit':
        return await progress.finish(await auditPage(services, member, parsed.days));
      case 'export':
        return await runExport(services, member, parsed, progress);
      default: {
        const shareable = !command.channelId.startsWith('D');
        const message = await answerCommand(services, member, parsed, {
          shareable,
          onProgress: progress.onProgress,
        });
        return await progress.finish(message);
      }
    }
  } catch (error) {
    outcome = isAppError(error) ? error.code : 'error';
    const action =
      parsed.kind === 'invalid'
        ? undefined
        : parsed.kind === 'export' && parsed.what === 'audit'
          ? 'audit'
          : parsed.kind;
    await progress.finish(await replyForError(services, member, error, { ...where, action }));
  } finally {
    services.metrics.commandDone(parsed.kind, outcome, (performance.now() - started) / 1000);
  }
}
