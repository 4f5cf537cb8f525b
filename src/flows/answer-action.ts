import type { WebClient } from '@slack/web-api';
import type { ErrorAction, Message } from '../blocks';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { type ActionPlace, answerInPlace } from '../slack/answer-in-place';
import { replyForError } from './reply-for-error';

export interface ActionSite {
  client: WebClient;
  member: MemberKey;
  /** Where the button was pressed: its answer goes there. */
  place: ActionPlace;
  /** Replace the message the button sat in (default), or answer beside it. */
  replace?: boolean;
  /** Names what failed in the error reply ("forwarding"). */
  errorAction?: ErrorAction;
}

/**
 * The second half of every button: run the work, then show its answer where the button was, or
 * the failure in words (a Connect prompt when the member must link). Work that resolves with
 * null has already answered elsewhere (it opened a modal).
 */
export async function answerAction(
  services: Services,
  site: ActionSite,
  work: () => Promise<Message | null>,
): Promise<void> {
  let message: Message | null;
  try {
    message = await work();
  } catch (error) {
    message = await replyForError(services, site.member, error, { action: site.errorAction });
  }
  if (message) {
    await answerInPlace(services, site.member.userId, site.place, message, {
      replace: site.replace ?? true,
    });
  }
}
