/**
 * What Slack members are told when a sign-in from a Connect button does not become a link, and
 * when an extension is linked to someone else's Slack account after a confirmation.
 */
import type { LinkedIdentity, LinkRefusal } from '../model';
import { escapeEntities, mention, safe } from './escape';
import { context, fallbackText, message, section } from './kit';
import type { Message } from './types';

const REFUSED =
  'A RingCentral sign-in from your Connect button was refused, and nothing was linked';

/** The company a workspace links to, as a person would name it. */
export function accountWords(expected: { accountId: string; accountName: string | null }): string {
  return expected.accountName
    ? `${expected.accountName} (RingCentral account ${expected.accountId})`
    : `RingCentral account ${expected.accountId}`;
}

/** Why, in a sentence for the Slack member, and what to do. */
export function refusalWords(refusal: LinkRefusal): { why: string; todo: string } {
  switch (refusal.kind) {
    case 'email_mismatch':
      return {
        why: 'the RingCentral extension that signed in has a different email address from your Slack account',
        todo: 'Open the Connect button yourself and sign in with your own RingCentral account.',
      };
    case 'no_slack_email':
      return {
        why: 'your Slack profile has no email address rcnumber can read, so it cannot be matched to a RingCentral extension',
        todo: 'Ask a Slack admin to check the email on your profile, then try again.',
      };
    case 'no_ringcentral_email':
      return {
        why: 'the RingCentral extension that signed in has no email address, so it cannot be matched to your Slack account',
        todo: 'Ask your RingCentral admin to add your email to your extension, then try again.',
      };
    case 'other_account':
      return {
        why: `it was another company's RingCentral account, and this workspace uses ${accountWords(refusal.expected)}`,
        todo: 'Sign in with your own account at that company.',
      };
  }
}

export function renderLinkRefused(refusal: LinkRefusal): Message {
  const { why, todo } = refusalWords(refusal);
  return message(`${REFUSED}: ${why}. ${todo}`, [
    section(`:no_entry: ${REFUSED}: ${safe(why, 500)}.`),
    context(safe(todo, 500)),
  ]);
}

/**
 * For the Slack member whose email matches an extension that was just linked to another
 * member's Slack account (LINK_EMAIL_MATCH=confirm): they learn who now reads with their access.
 */
export function renderLinkedElsewhere(input: {
  extension: LinkedIdentity;
  slackUserId: string;
}): Message {
  const who = mention(input.slackUserId) ?? 'another Slack member';
  const ext = `${input.extension.name}, ext ${input.extension.extensionNumber}`;
  // The fallback keeps the mention a mention: only the extension's words are escaped.
  const text = fallbackText(
    `Your RingCentral extension (${escapeEntities(ext)}) was linked to the Slack account of ${who}. They now look numbers up with its access.`,
  );
  const reply = message(text, [
    section(
      `:link: Your RingCentral extension (*${safe(ext, 200)}*) was linked to the Slack account of ${who}, after a sign-in with it was confirmed although the emails differ. They now look numbers up with its access.`,
    ),
    context(
      `If that was not you, tell your RingCentral admin. ${who} can undo it with \`/rcnumber unlink\`.`,
    ),
  ]);
  return { ...reply, text };
}
