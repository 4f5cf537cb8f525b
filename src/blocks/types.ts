import type { KnownBlock } from '@slack/types';

/** A reply: blocks for Slack clients, `text` for notifications, screen readers and old clients. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Adds a "Share in channel" button (never inside modals or shared copies). */
  shareable: boolean;
}
