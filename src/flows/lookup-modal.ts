import { lookupModal, type Message, renderInvalid, renderNotice } from '../blocks';
import { parseCommand, USAGE } from '../grammar';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { errorName, updateView } from '../slack/answer-in-place';
import { answerByDirectMessage } from '../slack/direct-message';
import { slackErrorCode } from '../slack/error-code';
import { answerCommand } from './answer-command';
import { linkPrompt } from './link-prompt';
import { replyForError } from './reply-for-error';

const NOT_OPENED =
  'Slack did not open the lookup window in time. Run `/rcnumber` again, or ask directly, like `/rcnumber ext 101`.';

/**
 * `/rcnumber` alone: opens a loading modal at once (the trigger id lives 3 s), then updates it
 * with the search box, or with the link prompt for a member who is not linked. When Slack does
 * not open it (an expired trigger, a timeout), the member is told so through `tell` (the
 * command's reply) or, from the Home tab, by DM.
 */
export async function openLookupModal(
  services: Services,
  member: MemberKey,
  triggerId: string,
  tell?: (message: Message) => Promise<void>,
): Promise<void> {
  let opened: Awaited<ReturnType<Services['slack']['views']['open']>>;
  try {
    opened = await services.slack.views.open({
      trigger_id: triggerId,
      view: lookupModal({ state: 'loading' }),
    });
  } catch (error) {
    const code = slackErrorCode(error) ?? errorName(error);
    services.logger.warn({ userId: member.userId, code }, 'views.open failed');
    const notice = renderNotice(NOT_OPENED);
    if (tell) await tell(notice);
    else await answerByDirectMessage(services, member.userId, notice);
    return;
  }
  const viewId = opened.view?.id;
  if (!viewId) return;
  const link = await services.links.getLink(member);
  const results =
    link && link.status === 'active'
      ? undefined
      : await linkPrompt(services, member, {
          reason: link?.brokenReason ?? null,
        });
  // With the hash: should the member have searched already, that newer view stays.
  const ready = lookupModal({ state: 'ready', results });
  await updateView(services, member.userId, viewId, ready, opened.view?.hash);
}

/**
 * Runs what was typed in the modal (a number, `ext 101`, `find ana`…) and shows the answer; if
 * the modal cannot show it (closed meanwhile, or Slack failed), the member gets it by DM.
 */
export async function searchInModal(
  services: Services,
  member: MemberKey,
  viewId: string,
  text: string,
): Promise<void> {
  const query = text.trim();
  await updateView(services, member.userId, viewId, lookupModal({ state: 'loading', query }));
  const parsed = parseCommand(query);
  let results: Message;
  try {
    switch (parsed.kind) {
      case 'lookup':
      case 'extension':
      case 'find':
      case 'numbers':
      case 'forwarding':
      case 'company':
        results = await answerCommand(services, member, parsed, { shareable: false });
        break;
      case 'invalid':
        results = renderInvalid(parsed.message, [...USAGE]);
        break;
      default:
        results = renderInvalid('In this box, type a number, `ext 101`, or `find ana`.', [
          ...USAGE,
        ]);
    }
  } catch (error) {
    results = await replyForError(services, member, error);
  }
  const ready = lookupModal({ state: 'ready', query, results });
  if (await updateView(services, member.userId, viewId, ready)) return;
  await answerByDirectMessage(services, member.userId, results);
}
