import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { unlinkMember } from '../../answers/unlink';
import { renderUnlinked } from '../../blocks';
import type { Services } from '../../services';
import { memberOf } from '../member-of';
import { openLookupModal } from '../views/lookup-modal';
import { answerInPlace, placeOf } from './respond-in-place';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const DAY_MS = 24 * 60 * 60_000;

/**
 * "Connect RingCentral" opens a URL in the browser; Slack still sends the click here. It is
 * acknowledged, and remembered so that one reminder can follow if the member never finishes.
 */
export function connectClicked(services: Services) {
  return async ({ ack, body }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    if (await services.links.getLink(member)) return;
    const now = services.now();
    await services.members.noteLinkOpened(member, now, now + DAY_MS);
  };
}

export function unlinkClicked(services: Services) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    await unlinkMember(services, member);
    const place = placeOf(body);
    if (body.view?.type !== 'home') await answerInPlace(client, place, renderUnlinked());
  };
}

export function openSearchClicked(services: Services) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const member = memberOf(body);
    await openLookupModal(services, client, member, body.trigger_id);
  };
}
