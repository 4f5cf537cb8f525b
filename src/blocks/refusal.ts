/** What a member sees when a button or a confirmation was not made by this app for them. */
import type { ModalView } from '@slack/types';
import { CallbackIds } from './ids';
import { context, LIMITS, message, plain, section } from './kit';
import type { Refusal } from './signed-values';
import type { Message } from './types';

const BUTTON_WORDS: Record<Refusal, string> = {
  other_member: 'This button was made for someone else; run the command yourself.',
  changed: 'This button was changed; nothing was done.',
};

const CONFIRMATION_WORDS: Record<Refusal, string> = {
  other_member: 'This confirmation was made for someone else; share from your own answer.',
  changed: 'This confirmation was changed; nothing was shared.',
};

/** The ephemeral reply to a refused click. */
export function renderRefusal(refusal: Refusal): Message {
  const words = BUTTON_WORDS[refusal];
  return message(words, [section(`:no_entry_sign: ${words}`)]);
}

/** What a refused "Share" in the confirmation modal turns the modal into. */
export function refusedShareModal(refusal: Refusal): ModalView {
  return {
    type: 'modal',
    callback_id: CallbackIds.confirmShare,
    title: plain('Share in channel', LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalTitle),
    blocks: [
      section(`:no_entry_sign: ${CONFIRMATION_WORDS[refusal]}`),
      context('Run `/rcnumber forwarding` and use its Share button.'),
    ],
  };
}
