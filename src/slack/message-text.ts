/**
 * All the text a Slack message shows, for finding phone numbers in it: its `text`, and the
 * words in its blocks and legacy attachments. Apps often put the details in blocks only, with
 * a short fallback `text` ("New lead"), so reading `text` alone misses them. Parts that repeat
 * the same words (a fallback equal to a block's text) are kept once.
 */
export function messageText(message: unknown): string {
  const parts: string[] = [];
  collect(message, parts, 0);
  return [...new Set(parts.map((part) => part.trim()).filter(Boolean))].join('\n');
}

/** Keys whose string values are words shown to people (not ids, urls, or styles). */
const TEXT_KEYS = new Set(['text', 'fallback', 'pretext', 'title', 'value', 'footer']);
/** A message is shallow; anything deeper than this is not a message. */
const MAX_DEPTH = 12;

function collect(node: unknown, parts: string[], depth: number): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collect(item, parts, depth + 1);
    return;
  }
  // Buttons, menus and pickers: their values are never shown to anyone.
  if ('action_id' in node) return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === 'string') {
      if (TEXT_KEYS.has(key)) parts.push(value);
    } else if (
      key === 'blocks' ||
      key === 'attachments' ||
      key === 'elements' ||
      key === 'fields'
    ) {
      collect(value, parts, depth + 1);
    } else if (key === 'text' && typeof value === 'object') {
      collect(value, parts, depth + 1);
    }
  }
}
