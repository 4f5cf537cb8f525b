import { type ErrorContext, type Message, renderError } from '../blocks';
import { isAppError } from '../errors';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';
import { noticeIfBroken } from './broken-link';
import { linkPrompt } from './link-prompt';

/**
 * The reply for a failed command: a link prompt when the member must (re)link, otherwise the
 * error in plain words. Unexpected errors are logged here, once, without user data.
 */
export async function replyForError(
  services: Services,
  member: MemberKey,
  error: unknown,
  where: {
    channelId?: string | null;
    responseUrl?: string | null;
    action?: ErrorContext['action'];
  } = {},
): Promise<Message> {
  if (isAppError(error, 'not_linked')) return linkPrompt(services, member, where);
  if (isAppError(error, 'link_broken')) {
    // The DM that says so too, in case it was not sent when the link broke (sent once only).
    services.background.run(noticeIfBroken(services, member));
    return linkPrompt(services, member, {
      ...where,
      reason: error.details.reason ?? 'Your RingCentral link stopped working.',
    });
  }
  if (!isAppError(error)) {
    services.logger.error({ err: errorSummary(error) }, 'command failed');
  } else if (error.code === 'ringcentral_refused') {
    // A request the spec allows, refused anyway: its code tells what RingCentral objected to.
    services.logger.warn(
      { userId: member.userId, errorCode: error.details.errorCode ?? null },
      'RingCentral refused a request',
    );
  }
  return renderError(error, where.action ? { action: where.action } : undefined);
}

function errorSummary(error: unknown) {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { value: String(error) };
}
