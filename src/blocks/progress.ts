/** A reply that stands in while a long read (all numbers of a big account) is running. */
import { safe } from './escape';
import { message, section } from './kit';
import type { Message } from './types';

const WIDTH = 10;

/** 'Collecting numbers… 40%' with a ten-cell text bar. */
export function renderProgress(label: string, fraction: number): Message {
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const percent = Math.round(clamped * 100);
  const filled = Math.round(clamped * WIDTH);
  const bar = '▓'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const words = label.trim() === '' ? 'Working' : label.trim().replace(/(…|\.\.\.)$/, '');
  return message(`${words}… ${percent}%`, [
    section(`${safe(words, 200)}… ${percent}%\n\`${bar}\``),
  ]);
}

/** Whether a reply's fallback text is one of these stand-ins, not the answer that follows. */
export function isProgressText(text: string | undefined): boolean {
  return /… \d{1,3}%$/.test(text ?? '');
}
