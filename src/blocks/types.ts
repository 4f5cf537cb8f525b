import type { KnownBlock } from '@slack/types';
import type { LinkedIdentity } from '../model';

/** A reply: blocks for Slack clients, `text` for notifications, screen readers and old clients. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/**
 * What the renderers read of a member's link: who it is and the state of its tokens, never the
 * tokens themselves. A stored link satisfies it as it is.
 */
export interface LinkView {
  identity: LinkedIdentity;
  status: 'active' | 'broken';
  brokenReason: string | null;
  linkedAt: number;
  tokens: { refreshTokenExpiresAt: number };
}

export interface RenderOptions {
  /** Adds a "Share in channel" button (never inside modals or shared copies). */
  shareable: boolean;
  /** Base of RingCentral's call link for "Call" buttons; none when absent (CALL_BUTTON off). */
  callLinkUrl?: string | null;
}
