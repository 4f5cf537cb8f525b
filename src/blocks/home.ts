/** The app's Home tab, in its three states: not linked, linked, link broken. */
import type { HomeView } from '@slack/types';
import type { ForwardingEntry, NumberInfo } from '../model';
import { safe } from './escape';
import { plural } from './format';
import { byFlipNumber, forwardingLine } from './forwarding';
import { ActionIds } from './ids';
import {
  actions,
  button,
  capBlocks,
  context,
  divider,
  header,
  LIMITS,
  type MaybeBlock,
  packLines,
  section,
} from './kit';
import { PERMISSIONS_NOTE } from './link';
import { roleText, tokenState, unlinkButton } from './me';
import { numberLine } from './parts';
import type { LinkView } from './types';

const WHAT_IT_DOES =
  'rcnumber answers phone-directory questions from RingCentral: who owns a number, what numbers an extension has, and where calls forward to.';

function home(blocks: MaybeBlock[]): HomeView {
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.viewBlocks) };
}

export function homeUnlinked(input: { connectUrl: string }): HomeView {
  return home([
    header('rcnumber'),
    section(WHAT_IT_DOES),
    context(PERMISSIONS_NOTE),
    actions(
      button({
        text: 'Connect RingCentral',
        actionId: ActionIds.connect,
        url: input.connectUrl,
        style: 'primary',
      }),
    ),
  ]);
}

export function homeBroken(input: { reason: string; connectUrl: string }): HomeView {
  const reason = input.reason.trim() || 'RingCentral no longer accepts it';
  return home([
    header('rcnumber'),
    section(`:warning: Your RingCentral connection stopped working: ${safe(reason, 500)}`),
    section('Reconnect to keep looking up numbers. Your settings are kept.'),
    actions(
      button({
        text: 'Reconnect RingCentral',
        actionId: ActionIds.reconnect,
        url: input.connectUrl,
        style: 'primary',
      }),
    ),
  ]);
}

// Room for each list, so both fit with the rest under the Home tab limit.
const LIST_BLOCKS = 30;

function numbersPart(numbers: NumberInfo[] | null | undefined): MaybeBlock[] {
  if (numbers === undefined) return [];
  if (numbers === null) {
    return [section('*Your numbers*'), context('Your numbers could not be read right now.')];
  }
  const list = packLines(
    numbers.map((n) => numberLine(n, { callType: true })),
    LIST_BLOCKS,
  );
  return [
    section('*Your numbers*'),
    numbers.length === 0 ? context('No numbers visible to you.') : null,
    ...list.blocks,
    list.shown < numbers.length ? context(`showing ${list.shown} of ${numbers.length}`) : null,
  ];
}

function forwardingPart(entries: ForwardingEntry[] | null | undefined): MaybeBlock[] {
  if (entries === undefined) return [];
  if (entries === null) {
    return [section('*Forwarding*'), context('Your forwarding numbers could not be read.')];
  }
  const sorted = [...entries].sort(byFlipNumber);
  const list = packLines(sorted.map(forwardingLine), LIST_BLOCKS);
  return [
    section('*Forwarding*'),
    sorted.length === 0 ? context('No forwarding numbers.') : null,
    ...list.blocks,
    list.shown < sorted.length ? context(`showing ${list.shown} of ${sorted.length}`) : null,
  ];
}

export interface HomeLinkedInput {
  link: LinkView;
  /** null: RingCentral did not answer; undefined: not shown. */
  numbers?: NumberInfo[] | null;
  forwarding?: ForwardingEntry[] | null;
  now: number;
}

export function homeLinked(input: HomeLinkedInput): HomeView {
  const { identity } = input.link;
  const count = input.numbers ? ` · ${plural(input.numbers.length, 'number')}` : '';
  return home([
    header('rcnumber'),
    section(
      `Linked as *${safe(identity.name, 150)}*, ext ${safe(identity.extensionNumber, 20)} · ${safe(identity.extensionType, 60)} · ${roleText(input.link)}${count}`,
    ),
    context(`RingCentral token: ${safe(tokenState(input.link, input.now), 600)}`),
    actions(
      button({ text: 'Search', actionId: ActionIds.openSearch, style: 'primary' }),
      unlinkButton(),
    ),
    divider(),
    ...numbersPart(input.numbers),
    ...forwardingPart(input.forwarding),
    divider(),
    context('Try `/rcnumber help` for everything you can ask.'),
  ]);
}
