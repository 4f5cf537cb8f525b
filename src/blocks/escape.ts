/**
 * Making text from users and from RingCentral safe to show in Slack mrkdwn. Escaping `& < >` is
 * what Slack asks for; it also means no `<!channel>`, `<@U…>` or `<http…|…>` can be formed from
 * data. Text objects built in kit.ts are also `verbatim`, so Slack does not auto-link URLs or
 * names in them.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes `& < >` only: for text that is mrkdwn on purpose (our own or parseCommand's). */
export function escapeEntities(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

const MARKERS = ['*', '_', '~', '`'] as const;
const ZWSP = '\u200B';

/**
 * Untrusted text -> mrkdwn that shows as typed. A formatting marker only formats in pairs, so
 * markers that appear at least twice get a zero-width space on each side, which stops Slack from
 * reading them as a boundary of bold/italic/strike/code. A lone `_` (common in emails) is left
 * alone so the text copies back unchanged.
 */
export function escapeText(text: string): string {
  let out = escapeEntities(text);
  for (const marker of MARKERS) {
    if (out.split(marker).length > 2) out = out.split(marker).join(`${ZWSP}${marker}${ZWSP}`);
  }
  return out;
}

/** Collapses newlines and runs of whitespace: one record stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts plain text to `max` characters, ending with '…' when cut; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Cuts mrkdwn to `max` characters without leaving half an entity (`&am…`) or an unclosed `<…`
 * behind, either of which Slack would show as garbage.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  cut = cut.replace(/&[#a-z0-9]*$/i, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Untrusted text for one line of mrkdwn: flattened, cut to `max` before escaping, escaped. */
export function safe(text: string | null | undefined, max = 200): string {
  // Only the start can be shown, so huge inputs are cut before any other work on them.
  const source = text ?? '';
  const bound = max * 2 + 64;
  const head = source.length > bound ? `${source.slice(0, bound)}…` : source;
  return escapeText(clip(oneLine(head), max));
}

/** A list as one safe line ('A, B, C…'), joining only as many items as can be shown. */
export function safeList(items: readonly string[], max = 200): string {
  let joined = '';
  for (const item of items) {
    joined = joined === '' ? item : `${joined}, ${item}`;
    if (joined.length > max) return safe(`${joined}…`, max);
  }
  return safe(joined, max);
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** `<@U123>` for a well-formed Slack user id, else null, so a bad id can never become markup. */
export function mention(userId: string | null | undefined): string | null {
  return typeof userId === 'string' && SLACK_USER_ID.test(userId) ? `<@${userId}>` : null;
}
