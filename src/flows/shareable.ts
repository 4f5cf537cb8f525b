import type { ActionPlace } from '../slack/answer-in-place';

/** Answers get a "Share in channel" button in channel messages, never in modals or DMs. */
export function shareableFrom(place: ActionPlace, channelId: string | undefined): boolean {
  return !place.view && !channelId?.startsWith('D');
}
