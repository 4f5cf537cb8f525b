import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { directoryTarget, memberContext } from '../../answers/member-context';
import { commandFromShare } from '../../answers/replay';
import { replyForError } from '../../answers/reply-for-error';
import { shareAnswer, shareTarget } from '../../answers/share';
import { confirmShareModal, renderNotice } from '../../blocks';
import { parseShareValue } from '../../blocks/values';
import { forwardingOf } from '../../directory';
import type { Services } from '../../services';
import { memberOf } from '../member-of';
import { answerInPlace, placeOf } from './respond-in-place';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export interface ShareForwardingMetadata {
  channelId: string;
  q: string;
  responseUrl: string | null;
}

/**
 * "Share in channel" on a forwarding list. Lists often hold personal mobiles: when they do,
 * the sharer first confirms in a modal that says how many personal numbers go to how many
 * people; otherwise it posts at once.
 */
export function shareForwardingAction(services: Services) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    const place = placeOf(body);
    const value = parseShareValue(action.value);
    const command = value ? commandFromShare(value) : null;
    if (!value || command?.kind !== 'forwarding') return;
    try {
      const target = await shareTarget(services, body.channel?.id ?? '');
      const ctx = await memberContext(services, member);
      const list = await forwardingOf(ctx, await directoryTarget(services, member, command.target));
      const personal = list.entries.filter((entry) => entry.personal).length;
      if (personal > 0) {
        const metadata: ShareForwardingMetadata = {
          channelId: target.channelId,
          q: value.q ?? '',
          responseUrl: place.responseUrl ?? null,
        };
        await client.views.open({
          trigger_id: body.trigger_id,
          view: confirmShareModal({
            channelName: target.name ?? 'this channel',
            memberCount: target.memberCount ?? 0,
            personalCount: personal,
            privateMetadata: JSON.stringify(metadata),
          }),
        });
        return;
      }
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
