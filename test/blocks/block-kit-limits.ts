/**
 * Every Block Kit limit the renderers must respect, as one pure check. It lists all violations
 * (not just the first) so a failing test says everything that is wrong with a reply at once.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Problems {
  readonly list: string[] = [];
  add(where: string, problem: string) {
    this.list.push(`${where}: ${problem}`);
  }
  maxLength(where: string, value: unknown, max: number) {
    if (typeof value === 'string' && value.length > max) {
      this.add(where, `${value.length} characters, more than ${max}`);
    }
  }
}

function checkText(p: Problems, where: string, text: unknown, max: number, plainOnly = false) {
  if (!isObject(text)) return p.add(where, 'missing text object');
  if (text.type !== 'plain_text' && text.type !== 'mrkdwn') {
    return p.add(where, `text type ${String(text.type)}`);
  }
  if (plainOnly && text.type !== 'plain_text') p.add(where, 'must be plain_text');
  if (typeof text.text !== 'string' || text.text.trim() === '') return p.add(where, 'empty text');
  p.maxLength(where, text.text, max);
}

function checkConfirm(p: Problems, where: string, confirm: unknown) {
  if (confirm === undefined) return;
  if (!isObject(confirm)) return p.add(where, 'confirm must be an object');
  checkText(p, `${where}/title`, confirm.title, 100, true);
  checkText(p, `${where}/text`, confirm.text, 300);
  checkText(p, `${where}/confirm`, confirm.confirm, 30, true);
  checkText(p, `${where}/deny`, confirm.deny, 30, true);
}

function checkElement(p: Problems, where: string, element: unknown) {
  if (!isObject(element)) return p.add(where, 'element must be an object');
  p.maxLength(`${where}/action_id`, element.action_id, 255);
  switch (element.type) {
    case 'button':
      checkText(p, `${where}/text`, element.text, 75, true);
      p.maxLength(`${where}/value`, element.value, 2000);
      p.maxLength(`${where}/url`, element.url, 3000);
      if (
        element.style !== undefined &&
        element.style !== 'primary' &&
        element.style !== 'danger'
      ) {
        p.add(where, `style ${String(element.style)}`);
      }
      checkConfirm(p, `${where}/confirm`, element.confirm);
      break;
    case 'plain_text_input':
      p.maxLength(`${where}/initial_value`, element.initial_value, 3000);
      if (element.placeholder !== undefined) {
        checkText(p, `${where}/placeholder`, element.placeholder, 150, true);
      }
      break;
    default:
      p.add(where, `unexpected element type ${String(element.type)}`);
  }
}

function checkElements(p: Problems, where: string, elements: unknown, max: number) {
  if (!Array.isArray(elements) || elements.length === 0) return p.add(where, 'needs elements');
  if (elements.length > max) p.add(where, `${elements.length} elements, more than ${max}`);
  const actionIds = new Set<string>();
  for (const [i, element] of elements.entries()) {
    const id = isObject(element) ? element.action_id : undefined;
    if (typeof id === 'string') {
      if (actionIds.has(id)) p.add(`${where}/${i}`, `duplicate action_id ${id}`);
      actionIds.add(id);
    }
  }
}

function checkBlock(p: Problems, where: string, block: unknown, view: boolean) {
  if (!isObject(block)) return p.add(where, 'block must be an object');
  p.maxLength(`${where}/block_id`, block.block_id, 255);
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined)
        p.add(where, 'needs text or fields');
      if (block.text !== undefined) checkText(p, `${where}/text`, block.text, 3000);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length === 0) {
          p.add(where, 'fields must be a non-empty array');
        } else {
          if (block.fields.length > 10) p.add(where, `${block.fields.length} fields, more than 10`);
          for (const [i, field] of block.fields.entries()) {
            checkText(p, `${where}/fields/${i}`, field, 2000);
          }
        }
      }
      if (block.accessory !== undefined) checkElement(p, `${where}/accessory`, block.accessory);
      break;
    }
    case 'header':
      checkText(p, `${where}/text`, block.text, 150, true);
      break;
    case 'context':
      checkElements(p, `${where}/elements`, block.elements, 10);
      if (Array.isArray(block.elements)) {
        for (const [i, e] of block.elements.entries()) {
          checkText(p, `${where}/elements/${i}`, e, 3000);
        }
      }
      break;
    case 'actions':
      checkElements(p, `${where}/elements`, block.elements, 25);
      if (Array.isArray(block.elements)) {
        for (const [i, e] of block.elements.entries()) checkElement(p, `${where}/elements/${i}`, e);
      }
      break;
    case 'input':
      if (!view) p.add(where, 'input blocks belong in views');
      checkText(p, `${where}/label`, block.label, 2000, true);
      if (block.hint !== undefined) checkText(p, `${where}/hint`, block.hint, 2000, true);
      checkElement(p, `${where}/element`, block.element);
      break;
    case 'divider':
      break;
    default:
      p.add(where, `unexpected block type ${String(block.type)}`);
  }
}

function checkBlocks(p: Problems, blocks: unknown, max: number, view: boolean) {
  if (!Array.isArray(blocks)) return p.add('/blocks', 'must be an array');
  if (blocks.length > max) p.add('/blocks', `${blocks.length} blocks, more than ${max}`);
  const blockIds = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    checkBlock(p, `/blocks/${i}`, block, view);
    const id = isObject(block) ? block.block_id : undefined;
    if (typeof id === 'string') {
      if (blockIds.has(id)) p.add(`/blocks/${i}`, `duplicate block_id ${id}`);
      blockIds.add(id);
    }
  }
}

/** Violations of Slack's limits in a message (`{ text, blocks }`) or a modal / Home tab view. */
export function checkBlockKitLimits(subject: unknown): string[] {
  const p = new Problems();
  if (!isObject(subject)) return ['not an object'];
  if (subject.type === 'modal' || subject.type === 'home') {
    checkBlocks(p, subject.blocks, 100, true);
    p.maxLength('/callback_id', subject.callback_id, 255);
    p.maxLength('/private_metadata', subject.private_metadata, 3000);
    if (JSON.stringify(subject).length > 250_000) p.add('/', 'view larger than 250 kB');
    if (subject.type === 'modal') {
      checkText(p, '/title', subject.title, 24, true);
      if (subject.submit !== undefined) checkText(p, '/submit', subject.submit, 24, true);
      if (subject.close !== undefined) checkText(p, '/close', subject.close, 24, true);
      const hasInput =
        Array.isArray(subject.blocks) &&
        subject.blocks.some((block) => isObject(block) && block.type === 'input');
      if (hasInput && subject.submit === undefined) p.add('/submit', 'required with input blocks');
    }
  } else {
    if (typeof subject.text !== 'string' || subject.text.trim() === '') {
      p.add('/text', 'missing fallback text');
    }
    p.maxLength('/text', subject.text, 40_000);
    checkBlocks(p, subject.blocks, 50, false);
  }
  return p.list;
}

/** Every string Slack shows: text objects and the fallback text (not values or input content). */
export function renderedStrings(subject: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (!isObject(node)) return;
    if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') {
      out.push(node.text);
    }
    for (const [childKey, child] of Object.entries(node)) {
      if (childKey === 'value' || childKey === 'initial_value' || childKey === 'private_metadata') {
        continue;
      }
      if (childKey === 'text' && typeof child === 'string' && key === undefined) out.push(child);
      walk(child, childKey);
    }
  };
  walk(subject);
  return out;
}
