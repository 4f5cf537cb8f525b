import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { commandFromShare } from '../../answers/replay';
import { replyForError } from '../../answers/reply-for-error';
import { shareAnswer, shareTarget } from '../../answers/share';
import { renderNotice } from '../../blocks';
import type { Services } from '../../services';
import { answerInPlace } from '../actions/respond-in-place';
import type { ShareForwardingMetadata } from '../actions/share-forwarding';
import { memberOf } from '../member-of';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** "Share" in the confirmation modal: post the sharer's fresh forwarding list. */
export function confirmShareSubmission(services: Services) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    let metadata: ShareForwardingMetadata;
    try {
      metadata = JSON.parse(view.private_metadata) as ShareForwardingMetadata;
    } catch {
      return;
    }
    const place = { responseUrl: metadata.responseUrl ?? undefined };
    try {
      const target = await shareTarget(services, metadata.channelId);
      const command = commandFromShare({ c: 'forwarding', q: metadata.q });
      if (!command) return;
      await shareAnswer(services, member, command, target.channelId);
      await answerInPlace(client, place, renderNotice(`Shared in <#${target.channelId}>.`), {
        replace: false,
      });
    } catch (error) {
      const reply = await replyForError(services, member, error, { action: 'forwarding' });
      await answerInPlace(client, place, reply, { replace: false });
    }
  };
}
