import type { WebClient } from '@slack/web-api';
import { lookupModal, type Message } from '../blocks';
import { postToResponseUrl } from './respond';

/** Where a button was pressed: a message (answer through response_url) or a modal. */
export interface ActionPlace {
  responseUrl?: string;
  view?: { id: string; hash?: string; private_metadata?: string };
}

/**
 * Shows an action's answer where the button was: replaces the ephemeral message, or updates
 * the modal it sits in.
 */
export async function answerInPlace(
  client: WebClient,
  place: ActionPlace,
  message: Message,
  options: { replace: boolean } = { replace: true },
): Promise<void> {
  if (place.view) {
    await client.views.update({
      view_id: place.view.id,
      view: lookupModal({ state: 'ready', results: message }),
    });
    return;
  }
  if (place.responseUrl) await postToResponseUrl(place.responseUrl, message, options);
}

/** Reads the place out of a block_actions body without trusting its shape. */
export function placeOf(body: unknown): ActionPlace {
  const b = body as { response_url?: string; view?: { id?: string; hash?: string; type?: string } };
  if (b.view?.id && b.view.type === 'modal') return { view: { id: b.view.id, hash: b.view.hash } };
  return { responseUrl: b.response_url };
}
