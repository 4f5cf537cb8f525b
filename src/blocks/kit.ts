/**
 * Block Kit builders that cannot break Slack's limits: every text is cut to its limit here, so a
 * renderer only decides what to show, never how long it may be.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import { clip, clipMrkdwn, escapeEntities } from './escape';
import type { Message } from './types';

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  modalTitle: 24,
  privateMetadata: 3000,
  fallbackText: 3000,
} as const;

/** Slack refuses empty text objects; an em dash stands in. */
const nonEmpty = (text: string) => (text.trim() === '' ? '—' : text);

export function md(text: string, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: clipMrkdwn(nonEmpty(text), max), verbatim: true };
}

/** Plain text never parses markup, but `< >` are swapped for look-alikes anyway as a backstop. */
export function plain(text: string, max: number): PlainTextElement {
  const shown = nonEmpty(text).replace(/</g, '‹').replace(/>/g, '›');
  return { type: 'plain_text', text: clip(shown, max), emoji: true };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.header) };
}

export function section(text: string, accessory?: Button | null): SectionBlock {
  const block: SectionBlock = { type: 'section', text: md(text) };
  if (accessory) block.accessory = accessory;
  return block;
}

/** Two-column label/value pairs; at most 10, the rest are dropped by the caller's choice. */
export function fields(pairs: Array<[label: string, value: string]>): SectionBlock {
  return {
    type: 'section',
    fields: pairs
      .slice(0, LIMITS.fields)
      .map(([label, value]) => md(`*${label}*\n${value}`, LIMITS.fieldText)),
  };
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, LIMITS.contextElements).map((text) => md(text, 2000)),
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

/** A button, or null when its value or url would exceed Slack's limits (it could not work). */
export function button(spec: ButtonSpec): Button | null {
  if (spec.value !== undefined && spec.value.length > LIMITS.buttonValue) return null;
  if (spec.url !== undefined && spec.url.length > LIMITS.url) return null;
  const element: Button = {
    type: 'button',
    text: plain(spec.text, LIMITS.buttonText),
    action_id: spec.actionId,
  };
  if (spec.value !== undefined) element.value = spec.value;
  if (spec.url !== undefined) element.url = spec.url;
  if (spec.style) element.style = spec.style;
  if (spec.confirm) {
    element.confirm = {
      title: plain(spec.confirm.title, 100),
      text: plain(spec.confirm.text, 300),
      confirm: plain(spec.confirm.confirm, 30),
      deny: plain(spec.confirm.deny, 30),
    };
  }
  return element;
}

/** An actions block of the buttons that exist, or null when there are none. */
export function actions(...buttons: Array<Button | null | undefined | false>): ActionsBlock | null {
  const elements = buttons.filter((b): b is Button => Boolean(b));
  if (elements.length === 0) return null;
  return { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
}

export type MaybeBlock = KnownBlock | null | undefined | false;

/**
 * Assembles a reply. `fallback` is plain words (escaped here); blocks past the message limit are
 * replaced by a note, though renderers budget so this is only a backstop.
 */
export function message(fallback: string, blocks: MaybeBlock[]): Message {
  return {
    text: fallbackText(escapeEntities(fallback)),
    blocks: capBlocks(blocks, LIMITS.messageBlocks),
  };
}

export function fallbackText(escaped: string): string {
  return clipMrkdwn(nonEmpty(escaped), LIMITS.fallbackText);
}

export function capBlocks(blocks: MaybeBlock[], max: number): KnownBlock[] {
  const kept = blocks.filter((b): b is KnownBlock => Boolean(b));
  if (kept.length <= max) return kept;
  return [...kept.slice(0, max - 1), context('_…more not shown._')];
}

/**
 * Packs one-line mrkdwn entries into as few sections as fit (each under the section limit), using
 * at most `maxBlocks` blocks; `shown` says how many entries made it, for "showing N of M".
 */
export function packLines(
  lines: string[],
  maxBlocks: number,
): { blocks: SectionBlock[]; shown: number } {
  const blocks: SectionBlock[] = [];
  let current: string[] = [];
  let length = 0;
  let shown = 0;
  const flush = () => {
    if (current.length > 0) blocks.push(section(current.join('\n')));
    current = [];
    length = 0;
  };
  for (const raw of lines) {
    const line = clipMrkdwn(raw, 1000);
    if (length + line.length + 1 > LIMITS.sectionText) {
      flush();
      if (blocks.length >= maxBlocks) break;
    }
    current.push(line);
    length += line.length + 1;
    shown += 1;
  }
  if (blocks.length < maxBlocks) flush();
  else if (current.length > 0) shown -= current.length;
  return { blocks, shown };
}
