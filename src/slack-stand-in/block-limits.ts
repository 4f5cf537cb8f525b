// The Block Kit limits Slack enforces when a message or view is posted. Checking them here makes
// a renderer that overflows a limit fail in tests the way it would fail against Slack, instead
// of passing against a stand-in that accepts anything.

export interface BlockProblem {
  error: string;
  /** Slack puts these in `response_metadata.messages`. */
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value.text === 'string' ? value.text : undefined;

function tooLong(value: string | undefined, max: number): boolean {
  return value !== undefined && value.length > max;
}

function checkElement(element: Json, where: string): string | undefined {
  if (tooLong(element.action_id as string | undefined, 255)) return `${where}/action_id too long`;
  if (element.type === 'button') {
    if (tooLong(textOf(element.text), 75)) return `${where}/text must be at most 75 characters`;
    if (tooLong(element.value as string | undefined, 2000)) return `${where}/value too long`;
    if (tooLong(element.url as string | undefined, 3000)) return `${where}/url too long`;
  }
  if (Array.isArray(element.options) && element.options.length > 100) {
    return `${where}/options must have at most 100 items`;
  }
  return undefined;
}

function checkBlock(block: unknown, where: string): string | undefined {
  if (!isObject(block) || typeof block.type !== 'string') return `${where} must have a type`;
  if (tooLong(block.block_id as string | undefined, 255)) return `${where}/block_id too long`;
  if (block.type === 'header' && tooLong(textOf(block.text), 150)) {
    return `${where}/text must be at most 150 characters`;
  }
  if (block.type === 'section') {
    if (tooLong(textOf(block.text), 3000)) return `${where}/text must be at most 3000 characters`;
    if (Array.isArray(block.fields)) {
      if (block.fields.length > 10) return `${where}/fields must have at most 10 items`;
      const long = block.fields.findIndex((field) => tooLong(textOf(field), 2000));
      if (long >= 0) return `${where}/fields/${long} must be at most 2000 characters`;
    }
    if (isObject(block.accessory)) return checkElement(block.accessory, `${where}/accessory`);
  }
  if (Array.isArray(block.elements)) {
    for (const [i, element] of block.elements.entries()) {
      if (!isObject(element)) continue;
      const problem = checkElement(element, `${where}/elements/${i}`);
      if (problem) return problem;
    }
  }
  if (isObject(block.element)) return checkElement(block.element, `${where}/element`);
  return undefined;
}

/** Checks message blocks: Slack answers `invalid_blocks` when one breaks a limit. */
export function checkMessageBlocks(blocks: unknown): BlockProblem | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) {
    return { error: 'invalid_blocks_format', message: '[ERROR] blocks must be an array' };
  }
  if (blocks.length > 50) {
    return {
      error: 'invalid_blocks',
      message: '[ERROR] no more than 50 items allowed [json-pointer:/blocks]',
    };
  }
  for (const [i, block] of blocks.entries()) {
    const problem = checkBlock(block, `/blocks/${i}`);
    if (problem) return { error: 'invalid_blocks', message: `[ERROR] ${problem}` };
  }
  return undefined;
}

/** Checks a modal or Home tab view: Slack answers `invalid_arguments` for a bad view. */
export function checkView(
  view: unknown,
  expectedTypes: readonly string[],
): BlockProblem | undefined {
  const invalid = (message: string): BlockProblem => ({
    error: 'invalid_arguments',
    message: `[ERROR] ${message} [json-pointer:/view]`,
  });
  if (!isObject(view)) return invalid('view must be an object');
  if (typeof view.type !== 'string' || !expectedTypes.includes(view.type)) {
    return invalid(`type must be one of ${expectedTypes.join(', ')}`);
  }
  if (view.type === 'modal') {
    if (!isObject(view.title)) return invalid('must provide a title');
    for (const key of ['title', 'submit', 'close']) {
      if (tooLong(textOf(view[key]), 24)) return invalid(`${key} must be at most 24 characters`);
    }
  }
  if (!Array.isArray(view.blocks)) return invalid('must provide blocks');
  if (view.blocks.length > 100) return invalid('blocks must have at most 100 items');
  if (tooLong(view.private_metadata as string | undefined, 3000)) {
    return invalid('private_metadata must be at most 3000 characters');
  }
  if (JSON.stringify(view).length > 250_000) {
    return { error: 'view_too_large', message: '[ERROR] views must be at most 250 kB' };
  }
  for (const [i, block] of view.blocks.entries()) {
    const problem = checkBlock(block, `/blocks/${i}`);
    if (problem) return invalid(problem);
  }
  return undefined;
}
