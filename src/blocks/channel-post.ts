/** The copy of a reply posted to a channel, and the block filters it and the modal need. */
import type { KnownBlock } from '@slack/types';
import { mention } from './escape';
import { formatUtc, slackDate } from './format';
import { ActionIds } from './ids';
import { context, fallbackText, LIMITS } from './kit';
import type { Message } from './types';

type Filter = (element: { type: string; action_id?: string }) => boolean;

/** Keeps only the interactive elements `keep` accepts; drops actions blocks left empty. */
function filterElements(blocks: KnownBlock[], keep: Filter): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const block of blocks) {
    if (block.type === 'actions') {
      const elements = block.elements.filter((element) => keep(element));
      if (elements.length > 0) out.push({ ...block, elements });
    } else if (block.type === 'section' && block.accessory && !keep(block.accessory)) {
      const { accessory: _dropped, ...rest } = block;
      out.push(rest);
    } else {
      out.push(block);
    }
  }
  return out;
}

const SHARE_IDS: readonly string[] = [ActionIds.share, ActionIds.shareForwarding];

/** Without Share buttons: inside the modal sharing has no channel to go to. */
export function withoutShareButtons(blocks: KnownBlock[]): KnownBlock[] {
  return filterElements(blocks, (element) => !SHARE_IDS.includes(element.action_id ?? ''));
}

/** Without any buttons: a shared copy is read by people whose own tokens may see less. */
export function withoutButtons(blocks: KnownBlock[]): KnownBlock[] {
  return filterElements(
    blocks,
    (element) => element.type !== 'button' && element.type !== 'overflow',
  );
}

/** The same content for a channel, with no buttons and a line naming who shared it and when. */
export function renderShared(message: Message, sharedByUserId: string, at: Date): Message {
  const valid = !Number.isNaN(at.getTime());
  const by = mention(sharedByUserId) ?? 'a member';
  const when = valid ? ` · ${slackDate(at)}` : '';
  const content = withoutButtons(message.blocks).slice(0, LIMITS.messageBlocks - 1);
  return {
    text: fallbackText(`${message.text} (shared${valid ? ` ${formatUtc(at)}` : ''})`),
    blocks: [...content, context(`Shared by ${by}${when}`)],
  };
}
