/** "Call": opens RingCentral's documented call link, which starts the call in the RingCentral app. */
import type { Button } from '@slack/types';
import { ActionIds } from './ids';
import { button } from './kit';

/** `https://app.ringcentral.com/r/call?number=%2B16503316252`, or null when calls are off. */
export function callUrl(base: string | null | undefined, number: string | null): string | null {
  if (!base || !number || !/^\+?\d{1,15}$/.test(number)) return null;
  return `${base}${base.includes('?') ? '&' : '?'}number=${encodeURIComponent(number)}`;
}

/** A link button to call `number` (E.164 or an extension number); null when there is none. */
export function callButton(base: string | null | undefined, number: string | null): Button | null {
  const url = callUrl(base, number);
  return url ? button({ text: 'Call', actionId: ActionIds.call, url }) : null;
}
