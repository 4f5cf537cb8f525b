/**
 * Block Kit as a terminal shows it: headers, sections, fields, context, dividers and buttons
 * (as `[Button]`), with Slack's mrkdwn reduced to plain words. Only for reading the demo's
 * transcript; Slack itself gets the blocks untouched.
 */

type Json = Record<string, unknown>;
type Names = (userId: string) => string | undefined;

const asObject = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null ? (value as Json) : undefined;

const textOf = (value: unknown): string => {
  const text = asObject(value)?.text;
  return typeof text === 'string' ? text : '';
};

/** The emoji the app's replies use, as a terminal can show them. */
const EMOJI: Record<string, string> = {
  white_check_mark: '✓',
  warning: '⚠',
  hourglass_flowing_sand: '⏳',
  wave: '👋',
};

/** mrkdwn → plain: links and mentions to their labels, emphasis marks dropped, entities decoded. */
export function plainMrkdwn(text: string, names: Names = () => undefined): string {
  return text
    .replace(/:([a-z_]+):/g, (code, name: string) => EMOJI[name] ?? code)
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) => {
      return `@${names(id) ?? label ?? id}`;
    })
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<(?:mailto:|tel:)?[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<((?:https?|mailto|tel):[^>]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,;:!?])/gm, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,;:!?])/gm, '$1$2')
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,;:!?])/gm, '$1$2')
    .replace(/```/g, '')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function buttonText(element: unknown): string | null {
  const button = asObject(element);
  if (button?.type !== 'button') return null;
  return `[${textOf(button.text)}]`;
}

/** A field is `*Label*\nvalue`: shown as `Label: value`. */
function fieldLine(field: unknown, names: Names): string {
  const raw = textOf(field);
  const labelled = /^\*([^*\n]+)\*\n([\s\S]*)$/.exec(raw);
  if (labelled)
    return `${labelled[1]}: ${plainMrkdwn(labelled[2] ?? '', names).replace(/\n/g, ', ')}`;
  return plainMrkdwn(raw, names);
}

function blockLines(block: Json, names: Names): string[] {
  switch (block.type) {
    case 'header':
      return [`== ${textOf(block.text)} ==`];
    case 'divider':
      return ['----'];
    case 'section': {
      const lines = block.text ? plainMrkdwn(textOf(block.text), names).split('\n') : [];
      const fields = Array.isArray(block.fields) ? block.fields : [];
      lines.push(...fields.map((field) => fieldLine(field, names)));
      const accessory = buttonText(block.accessory);
      if (accessory) lines.push(accessory);
      return lines;
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      const parts = elements.map((element) => plainMrkdwn(textOf(element), names)).filter(Boolean);
      return parts.length ? [`(${parts.join(' · ')})`] : [];
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      const buttons = elements.map(buttonText).filter((b): b is string => b !== null);
      return buttons.length ? [buttons.join(' ')] : [];
    }
    case 'image':
      return [`[image: ${String(block.alt_text ?? '')}]`];
    default:
      return [`[${String(block.type)} block]`];
  }
}

/** The message as lines of text: its blocks, or its fallback `text` when it has none. */
export function messageToText(
  message: { text?: unknown; blocks?: unknown },
  names: Names = () => undefined,
): string[] {
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  if (blocks.length === 0) return plainMrkdwn(String(message.text ?? ''), names).split('\n');
  return blocks.flatMap((block) => {
    const object = asObject(block);
    return object ? blockLines(object, names) : [];
  });
}
