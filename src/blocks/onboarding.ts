/** Direct messages that invite members to connect RingCentral, and the admin's summary. */

import { plural } from './format';
import { ActionIds } from './ids';
import { actions, button, context, message, section } from './kit';
import { PERMISSIONS_NOTE } from './link';
import type { Message } from './types';

function connectButton(url: string) {
  return button({
    text: 'Connect RingCentral',
    actionId: ActionIds.connect,
    url,
    style: 'primary',
  });
}

export function welcomeMessage(input: { connectUrl: string }): Message {
  return message('Connect RingCentral to look up phone numbers from Slack with /rcnumber.', [
    section(
      ':wave: *rcnumber* answers phone-directory questions right here: who owns a number, what numbers an extension has, and where calls forward to. Connect your RingCentral account to start.',
    ),
    context(PERMISSIONS_NOTE),
    actions(connectButton(input.connectUrl)),
  ]);
}

export function reminderMessage(input: { connectUrl: string }): Message {
  return message('You started connecting RingCentral but did not finish.', [
    section(
      'You started connecting RingCentral but did not finish. It takes a few seconds; you can unlink any time with `/rcnumber unlink`.',
    ),
    actions(connectButton(input.connectUrl)),
  ]);
}

export interface OnboardCounts {
  sent: number;
  alreadyLinked: number;
  bots: number;
  recentlyReminded: number;
  notFound: number;
  failed: number;
  /** Guests left out because ONBOARD_GUESTS is off. */
  guests?: number;
}

/** 'Sent to 12; 30 already linked; 2 bots skipped; 3 reminded in the last 7 days'. */
export function onboardSummaryText(counts: OnboardCounts): string {
  const parts = [`Sent to ${counts.sent}`];
  if (counts.alreadyLinked > 0) parts.push(`${counts.alreadyLinked} already linked`);
  if (counts.bots > 0) parts.push(`${plural(counts.bots, 'bot')} skipped`);
  if (counts.recentlyReminded > 0)
    parts.push(`${counts.recentlyReminded} reminded in the last 7 days`);
  if ((counts.guests ?? 0) > 0) parts.push(`${plural(counts.guests ?? 0, 'guest')} skipped`);
  if (counts.notFound > 0) parts.push(`${counts.notFound} not found`);
  if (counts.failed > 0) parts.push(`${counts.failed} could not be reached`);
  return parts.join('; ');
}

const CHANNEL_ID = /^[CGD][A-Z0-9]{1,20}$/;
const MAX_CHANNELS_NAMED = 10;

/** Channels whose members could not be read (the bot is not in them, or they are gone). */
function unreadableNote(channelIds: readonly string[]): string | null {
  const named = channelIds.filter((id) => CHANNEL_ID.test(id)).slice(0, MAX_CHANNELS_NAMED);
  if (channelIds.length === 0) return null;
  const list = named.length > 0 ? named.map((id) => `<#${id}>`).join(', ') : 'some channels';
  const more = channelIds.length > named.length && named.length > 0 ? ' and others' : '';
  return `I could not read the members of ${list}${more}: invite the app to a private channel before onboarding it.`;
}

export function onboardSummary(
  counts: OnboardCounts,
  notes: { unreadableChannels?: readonly string[] } = {},
): Message {
  const text = onboardSummaryText(counts);
  const note = unreadableNote(notes.unreadableChannels ?? []);
  return message(text, [section(`${text}.`), note ? context(note) : null]);
}
