import { type Message, renderMessageNumbers } from '../blocks';
import { ownersOfNumbersIn } from '../directory';
import { decodeEntities, unwrapLinks } from '../grammar/slack-text';
import type { MemberKey, WhoOwnsResult } from '../model';
import type { Services } from '../services';
import { signedFor } from './button-values';
import { memberContext } from './member-context';
import { mentionOwners } from './mentions';
import { lookupWithPresence, readPresence } from './presence';
import { replyForError } from './reply-for-error';

/** The message shortcut as the app needs it, whatever transport brought it. */
export interface MessageShortcut extends MemberKey {
  /** The text of the message the shortcut was used on. */
  text: string;
  channelId: string | null;
  /** Where the answer goes: ephemeral, to the one member who clicked. */
  responseUrl: string | null;
}

/**
 * "Who owns these numbers?" after the ack: every phone number in the message, answered for
 * the member who clicked, under their own RingCentral token, in the words of a typed lookup,
 * through `reply` (the shortcut's response_url, or a DM when Slack refuses it). A member who is
 * not linked gets the Connect prompt; every failure becomes words here.
 */
export async function answerNumbersInMessage(
  services: Services,
  shortcut: MessageShortcut,
  reply: (message: Message) => Promise<unknown>,
): Promise<void> {
  const member: MemberKey = { teamId: shortcut.teamId, userId: shortcut.userId };
  let answer: Message;
  try {
    const ctx = await memberContext(services, member);
    const found = await ownersOfNumbersIn(ctx, plainText(shortcut.text));
    const owners = found.results.map((result) => result.number?.owner ?? null);
    const presence = await readPresence(services, member, ctx, owners);
    const results = await Promise.all(
      found.results.map(async (result) => {
        const live = lookupWithPresence(result, presence);
        return (await mentionOwners(services, member.teamId, live)) as WhoOwnsResult;
      }),
    );
    const rendered = renderMessageNumbers(
      { ...found, results },
      { shareable: false, callLinkUrl: services.config.callLinkUrl },
    );
    answer = signedFor(services, member, rendered);
  } catch (error) {
    answer = await replyForError(services, member, error, {
      channelId: shortcut.channelId,
      responseUrl: shortcut.responseUrl,
      action: 'lookup',
    });
  }
  await reply(answer);
}

/**
 * The message as its reader sees it: numbers Slack linked (`<tel:…|650-331-6252>`) as typed,
 * entities decoded; other links and mentions dropped, so digits in a URL or id are not read.
 */
function plainText(text: string): string {
  return decodeEntities(unwrapLinks(text).replace(/<[^<>]*>/g, ' '));
}
