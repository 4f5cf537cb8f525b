/** The lookup modal (search box + results) and the confirmation shown before sharing. */
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { withoutShareButtons } from './channel-post';
import { clip, safe } from './escape';
import { plural } from './format';
import { ActionIds, BlockIds, CallbackIds } from './ids';
import { capBlocks, context, LIMITS, plain, section } from './kit';
import type { Message } from './types';

/** Metadata that does not fit is left out rather than cut: half a JSON document is worse. */
function metadata(privateMetadata: string | undefined): { private_metadata?: string } {
  return privateMetadata !== undefined && privateMetadata.length <= LIMITS.privateMetadata
    ? { private_metadata: privateMetadata }
    : {};
}

function searchInput(query: string | undefined): InputBlock {
  const initial = query?.trim() ? clip(query.trim(), 500) : undefined;
  return {
    type: 'input',
    block_id: BlockIds.search,
    // Enter runs the search right away (block_actions), without submitting the modal.
    dispatch_action: true,
    label: plain('Number, extension or name', 2000),
    hint: plain('A phone number, its first digits, ext 101, or find ana.', 2000),
    element: {
      type: 'plain_text_input',
      action_id: ActionIds.searchInput,
      placeholder: plain('+1 650 331 6252', 150),
      dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

export interface LookupModalInput {
  state: 'loading' | 'ready';
  query?: string;
  results?: Message;
  privateMetadata?: string;
}

export function lookupModal(input: LookupModalInput): ModalView {
  const below: KnownBlock[] = [];
  if (input.state === 'loading') {
    const what = input.query?.trim() ? ` for “${safe(input.query, 100)}”` : '';
    below.push({
      ...context(`:hourglass_flowing_sand: Searching${what}…`),
      block_id: BlockIds.results,
    });
  } else if (input.results) {
    const results = withoutShareButtons(input.results.blocks);
    const first = results[0];
    // The first results block carries the results id, so listeners can find where results begin.
    if (first && !first.block_id) results[0] = { ...first, block_id: BlockIds.results };
    below.push(...results);
  } else {
    below.push({
      ...context('Type what you are looking for and press Enter.'),
      block_id: BlockIds.results,
    });
  }
  return {
    type: 'modal',
    callback_id: CallbackIds.lookupModal,
    title: plain('rcnumber', LIMITS.modalTitle),
    // Slack requires a submit button on any modal with an input block; it searches too.
    submit: plain('Search', LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalTitle),
    blocks: capBlocks([searchInput(input.query), ...below], LIMITS.viewBlocks),
    ...metadata(input.privateMetadata),
  };
}

export interface ConfirmShareInput {
  /** A forwarding list (always confirmed) or another answer (confirmed outside the company). */
  kind?: 'forwarding' | 'answer';
  channelName: string;
  memberCount: number;
  personalCount: number;
  /** The channel is shared with other organisations (Slack Connect). */
  sharedExternally?: boolean;
  /** Asked again: the list gained personal numbers after the first confirmation. */
  changed?: boolean;
  privateMetadata?: string;
}

/** Every forwarding share comes here first, personal numbers or not, and says what it shows. */
export function confirmShareModal(input: ConfirmShareInput): ModalView {
  const channel = `#${safe(input.channelName.replace(/^#/, ''), 80)}`;
  const members = `the ${plural(input.memberCount, 'member')} of ${channel}`;
  const answer = input.kind === 'answer';
  const lead = answer
    ? `This shows the reply to ${members}.`
    : input.personalCount > 0
      ? `:warning: This shows ${plural(input.personalCount, 'personal number')} to ${members}.`
      : `This list holds no personal numbers. This shows the reply to ${members}.`;
  return {
    type: 'modal',
    callback_id: CallbackIds.confirmShare,
    title: plain('Share in channel', LIMITS.modalTitle),
    submit: plain('Share', LIMITS.modalTitle),
    close: plain('Cancel', LIMITS.modalTitle),
    blocks: [
      input.changed
        ? section(':arrows_counterclockwise: The list changed since you confirmed it.')
        : null,
      section(lead),
      input.sharedExternally
        ? section(
            `:globe_with_meridians: ${channel} is shared with other organisations: people outside your company will see it too.`,
          )
        : null,
      context(
        answer
          ? 'Everyone in the channel will see what your RingCentral role shows you.'
          : 'Personal numbers are forwarding numbers outside the company: anything but its own numbers and phones. Everyone in the channel will see what your RingCentral role shows you.',
      ),
    ].filter((block) => block !== null),
    ...metadata(input.privateMetadata),
  };
}
