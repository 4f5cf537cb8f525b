/**
 * Signing the values of an answer's buttons, after rendering. The renderers stay pure and know
 * nothing of who will read their reply; the flow that knows the member signs the reply once,
 * just before it leaves. A reply that skipped this fails closed: its buttons are refused.
 */
import type { KnownBlock } from '@slack/types';
import { ActionIds } from './ids';
import { LIMITS } from './kit';
import type { Message } from './types';

/** Buttons whose value names a command to run again: their clicks accept only signed values. */
export const SIGNED_ACTION_IDS: readonly string[] = [
  ActionIds.share,
  ActionIds.shareForwarding,
  ActionIds.pageNext,
  ActionIds.pagePrevious,
  ActionIds.showNumbers,
  ActionIds.showForwarding,
  ActionIds.auditNext,
  ActionIds.auditPrevious,
];

/** Signs `value` for the button `actionId`. */
export type SignValue = (actionId: string, value: string) => string;

type Element = { type: string; action_id?: string; value?: string };

/** The element with its value signed, or null when the signed value would be too long for Slack. */
function signed<T extends Element>(element: T, sign: SignValue): T | null {
  const id = element.action_id;
  if (element.type !== 'button' || !id || !SIGNED_ACTION_IDS.includes(id)) return element;
  if (element.value === undefined) return element;
  const value = sign(id, element.value);
  return value.length <= LIMITS.buttonValue ? { ...element, value } : null;
}

export function signButtons(message: Message, sign: SignValue): Message {
  const blocks: KnownBlock[] = [];
  for (const block of message.blocks) {
    if (block.type === 'actions') {
      const elements = block.elements
        .map((element) => signed(element, sign))
        .filter((element) => element !== null);
      if (elements.length > 0) blocks.push({ ...block, elements });
    } else if (block.type === 'section' && block.accessory) {
      const accessory = signed(block.accessory, sign);
      if (accessory) blocks.push({ ...block, accessory });
      else {
        const { accessory: _dropped, ...rest } = block;
        blocks.push(rest);
      }
    } else {
      blocks.push(block);
    }
  }
  return { ...message, blocks };
}
