/** Reply to `me`: who the Slack user is linked as, and the state of the link's tokens. */
import { formatDistance } from 'date-fns';
import { safe } from './escape';
import { ActionIds } from './ids';
import { actions, button, fields, message, section } from './kit';
import type { LinkView, Message } from './types';

/**
 * The token state in plain words (unescaped). RingCentral renews the refresh token each time the
 * access token is refreshed, so it only runs out when the link goes unused until that date.
 */
export function tokenState(link: LinkView, now: number): string {
  if (link.status === 'broken') {
    return `broken: ${link.brokenReason?.trim() || 'RingCentral no longer accepts it'} — reconnect with /rcnumber link`;
  }
  const expiresAt = link.tokens.refreshTokenExpiresAt;
  if (expiresAt <= now) return 'expired — reconnect with /rcnumber link';
  return `renews automatically; expires in ${formatDistance(expiresAt, now)} if unused`;
}

/** 'Admin' or 'Regular user', as RingCentral's role decides what the user sees. */
export function roleText(link: LinkView): string {
  return link.identity.isAdmin ? 'Admin' : 'Regular user';
}

export function unlinkButton() {
  return button({
    text: 'Unlink',
    actionId: ActionIds.unlink,
    style: 'danger',
    confirm: {
      title: 'Unlink RingCentral?',
      text: 'rcnumber will revoke its RingCentral session and forget your tokens.',
      confirm: 'Unlink',
      deny: 'Cancel',
    },
  });
}

export function renderMe(link: LinkView, now: number): Message {
  const { identity } = link;
  const since = formatDistance(link.linkedAt, now, { addSuffix: true });
  const state = tokenState(link, now);
  const pairs: Array<[string, string]> = [
    ['Extension', safe(identity.extensionNumber, 20)],
    ['Name', safe(identity.name, 200)],
    ['Type', safe(identity.extensionType, 60)],
    ['Role', roleText(link)],
    ['Linked', since],
    ['RingCentral token', safe(state, 600)],
  ];
  if (identity.email) pairs.push(['Email', safe(identity.email, 300)]);
  return message(
    `Linked as ${identity.name}, ext ${identity.extensionNumber} (${roleText(link).toLowerCase()}), ${since}; token ${state}`,
    [
      section(
        link.status === 'broken'
          ? ':warning: Your RingCentral link is broken.'
          : `You are linked as *${safe(identity.name, 150)}*, ext ${safe(identity.extensionNumber, 20)}.`,
      ),
      fields(pairs),
      actions(unlinkButton()),
    ],
  );
}
