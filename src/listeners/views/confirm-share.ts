import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { answerAction } from '../../flows/answer-action';
import { confirmForwardingShare, parseShareMetadata } from '../../flows/share-buttons';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** "Share" in the confirmation modal: post the sharer's fresh forwarding list. */
export function confirmShare(services: Services) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    await ack();
    const metadata = parseShareMetadata(view.private_metadata);
    if (!metadata) return;
    const place = { responseUrl: metadata.responseUrl ?? undefined };
    const site = { client, member: memberOf(body), place, replace: false };
    await answerAction(services, { ...site, errorAction: 'forwarding' }, () =>
      confirmForwardingShare(services, site, metadata, body.trigger_id),
    );
  };
}
