// Shortcuts as Slack sends them, signed, into the real app: the message shortcut "Who owns these
// numbers?" (answered through its response_url) and the global "Look up a number".
import { ShortcutIds } from '../../src/blocks/ids';
import {
  globalShortcutPayload,
  messageShortcutPayload,
  postShortcut,
  type ResponseBody,
} from '../../src/slack-stand-in';
import { type Harness, SIGNING_SECRET, TEAM_ID } from './harness';

let sequence = 0;

/** Runs the message shortcut as `userId` on a message reading `text`; resolves with the reply. */
export async function onMessage(
  h: Harness,
  userId: string,
  text: string,
  blocks?: unknown[],
): Promise<{ reply: ResponseBody; ack: number; responseId: string }> {
  const responseId = `shortcut-${++sequence}`;
  const status = await sendMessageShortcut(h, userId, text, responseId, blocks);
  const reply =
    status === 200 ? (await h.slack.waitForResponse(responseId, undefined, 30_000)).body : {};
  return { reply, ack: status, responseId };
}

/**
 * Runs the message shortcut with response_url `responseId` (which a test may have made refuse)
 * and resolves with the ack's status only: the answer may come another way.
 */
export async function sendMessageShortcut(
  h: Harness,
  userId: string,
  text: string,
  responseId: string,
  blocks?: unknown[],
): Promise<number> {
  const payload = messageShortcutPayload({
    userId,
    teamId: TEAM_ID,
    callbackId: ShortcutIds.whoOwnsNumbers,
    text,
    blocks,
    responseUrl: h.slack.responseUrl(responseId),
  });
  return (await postShortcut(h.appUrl, SIGNING_SECRET, payload)).status;
}

/** Runs the global shortcut as `userId`; resolves with the ack's status and its trigger id. */
export async function globalShortcut(
  h: Harness,
  userId: string,
): Promise<{ ack: number; triggerId: string }> {
  const payload = globalShortcutPayload({
    userId,
    teamId: TEAM_ID,
    callbackId: ShortcutIds.lookUpNumber,
  });
  const { status } = await postShortcut(h.appUrl, SIGNING_SECRET, payload);
  return { ack: status, triggerId: String(payload.trigger_id) };
}
