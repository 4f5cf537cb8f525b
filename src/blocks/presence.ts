/** Presence in words: "Available", "Busy, on a call", "Do not disturb", "Offline". */
import type { Presence } from '../model';

const WORDS: Record<Presence['status'], string> = {
  Available: 'Available',
  Busy: 'Busy',
  DoNotDisturb: 'Do not disturb',
  Offline: 'Offline',
};

/** Plain words for a presence, or null when there is none to show (never a guess). */
export function presenceText(presence: Presence | null | undefined): string | null {
  if (!presence) return null;
  const word = WORDS[presence.status];
  if (!word) return null;
  return presence.onCall ? `${word}, on a call` : word;
}
