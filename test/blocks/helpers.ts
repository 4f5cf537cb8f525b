import type { AnyBlock, Button, KnownBlock } from '@slack/types';
import { renderedStrings } from './block-kit-limits';

/** Every button in a list of blocks, in order, accessories included. */
export function buttons(subject: { blocks: AnyBlock[] }): Button[] {
  const out: Button[] = [];
  for (const block of subject.blocks as KnownBlock[]) {
    if (block.type === 'actions') {
      for (const element of block.elements) if (element.type === 'button') out.push(element);
    }
    if (block.type === 'section' && block.accessory?.type === 'button') out.push(block.accessory);
  }
  return out;
}

export function buttonByAction(subject: { blocks: AnyBlock[] }, actionId: string) {
  return buttons(subject).filter((b) => b.action_id === actionId);
}

/** All text a reader sees, joined: for "contains" assertions. */
export function shownText(subject: unknown): string {
  return renderedStrings(subject).join('\n');
}
