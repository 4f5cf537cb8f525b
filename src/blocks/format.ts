import type { ExtensionSummary } from '../model';
import { formatNumber } from '../phone';
import { safe } from './escape';

export { formatNumber };

/** A number as mrkdwn: formatted, then escaped (a raw fallback comes from RingCentral). */
export function numberText(e164: string): string {
  return safe(formatNumber(e164), 40);
}

/** 'ext 104 · Ana Ruiz' (mrkdwn, escaped); just the name for extensions without a number. */
export function extensionText(extension: ExtensionSummary, nameMax = 100): string {
  const name = safe(extension.name, nameMax) || '(no name)';
  return extension.extensionNumber ? `ext ${safe(extension.extensionNumber, 20)} · ${name}` : name;
}

/** The same in plain words, for `text` fallbacks. */
export function extensionPlain(extension: ExtensionSummary): string {
  const name = extension.name.trim() === '' ? '(no name)' : extension.name;
  return extension.extensionNumber ? `ext ${extension.extensionNumber} ${name}` : name;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** 'showing 1–20 of 134' ('showing 0 of 134' when a page is empty). */
export function showing(offset: number, shown: number, total: number): string {
  if (shown === 0) return `showing 0 of ${total}`;
  return `showing ${offset + 1}–${offset + shown} of ${total}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '27 Nov 2026, 14:05 UTC': fixed zone, so output does not depend on the server's time zone. */
export function formatUtc(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = MONTHS[at.getUTCMonth()] ?? '';
  return `${at.getUTCDate()} ${month} ${at.getUTCFullYear()}, ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
}

/** Slack's date token: each reader sees the time in their own zone; the fallback is UTC. */
export function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty}, {time}|${formatUtc(at)}>`;
}
