/** Linking replies: the connect prompt, and the confirmations of link and unlink. */

import type { LinkedIdentity } from '../model';
import { safe } from './escape';
import { ActionIds } from './ids';
import { actions, button, context, message, section } from './kit';
import type { Message } from './types';

export const PERMISSIONS_NOTE =
  'rcnumber answers with your own RingCentral permissions: you see what RingCentral shows you, nothing more. An admin sees more than a regular user.';

export function renderLinkPrompt(input: { url: string; reason?: string | null }): Message {
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  const connect = button({
    text: reason ? 'Reconnect RingCentral' : 'Connect RingCentral',
    actionId: ActionIds.connect,
    url: input.url,
    style: 'primary',
  });
  return message(
    reason
      ? `Your RingCentral connection stopped working: ${reason.replace(/[.\s]+$/, '')}. Reconnect RingCentral to continue.`
      : 'Connect RingCentral to look up numbers, extensions and forwarding.',
    [
      reason
        ? section(`:warning: Your RingCentral connection stopped working: ${safe(reason, 500)}`)
        : null,
      section(
        '*Connect RingCentral* to look up who owns a number, what numbers an extension has and where calls forward to.',
      ),
      context(PERMISSIONS_NOTE),
      connect
        ? actions(connect)
        : section('The sign-in link is too long for Slack; ask an admin to check the app setup.'),
    ],
  );
}

export function renderLinked(identity: LinkedIdentity): Message {
  const who = `*${safe(identity.name, 150)}*, ext ${safe(identity.extensionNumber, 20)}`;
  const role = identity.isAdmin ? 'a RingCentral admin' : 'a regular RingCentral user';
  return message(`Linked as ${identity.name}, ext ${identity.extensionNumber}`, [
    section(`:white_check_mark: Linked as ${who}.`),
    context(
      `You are ${role}; answers follow your permissions. Try \`/rcnumber help\`, or \`/rcnumber unlink\` to disconnect.`,
    ),
  ]);
}

export function renderUnlinked(): Message {
  return message('Unlinked from RingCentral. Your tokens were revoked and forgotten.', [
    section(
      'Unlinked. Your RingCentral session was revoked and its tokens forgotten. Run `/rcnumber link` to connect again.',
    ),
  ]);
}
