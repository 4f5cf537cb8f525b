import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { answerAction } from '../../flows/answer-action';
import { confirmForwardingShare, openShareMetadata } from '../../flows/confirm-share';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** "Share" in the confirmation modal: post the sharer's fresh forwarding list. */
export function confirmShare(services: Services) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const member = memberOf(body);
    const opened = openShareMetadata(services, member, view.private_metadata);
    if ('refused' in opened) {
      await ack({ response_action: 'update', view: opened.refused });
      return;
    }
    await ack();
    const { metadata } = opened;
    const site = { client, member, place: { responseUrl: metadata.responseUrl ?? undefined } };
    await answerAction(services, { ...site, replace: false, errorAction: 'forwarding' }, () =>
      confirmForwardingShare(services, site, metadata, body.trigger_id),
    );
  };
}
