import { context, fallbackText, message } from './kit';
import type { Message } from './types';

/**
 * A one-line confirmation such as "Shared in <#C123>.". The text is the app's own mrkdwn (it may
 * hold a channel or user reference on purpose), so it is used as is, not escaped.
 */
export function renderNotice(text: string): Message {
  const reply = message(text, [context(text)]);
  return { ...reply, text: fallbackText(text) };
}
