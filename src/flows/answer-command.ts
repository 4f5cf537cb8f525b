import {
  type Message,
  renderCompany,
  renderExtension,
  renderFind,
  renderForwarding,
  renderLookup,
  renderNumbers,
} from '../blocks';
import {
  companyInfo,
  extensionDetails,
  findExtensions,
  forwardingOf,
  lookupNumber,
  numbersOf,
  type ProgressFn,
} from '../directory';
import { isAppError } from '../errors';
import type { Command } from '../grammar';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';
import { signedFor } from './button-values';
import { directoryTarget, memberContext } from './member-context';
import { mentionOwners, withSlackUser } from './mentions';
import { lookupWithPresence, peopleOfLookup, readPresence } from './presence';

/** The commands answered from RingCentral under the asker's own token. */
export type DirectoryCommand = Extract<
  Command,
  { kind: 'lookup' | 'extension' | 'find' | 'numbers' | 'forwarding' | 'company' }
>;

export interface AnswerOptions {
  shareable: boolean;
  /**
   * Mention owners who are Slack members, and show people's presence; off for channel posts,
   * which would notify them and keep a moment's presence long after it changed.
   */
  mentions?: boolean;
  offset?: number;
  onProgress?: ProgressFn;
}

/**
 * Runs one directory command for one member and renders the reply, its buttons signed for that
 * member. The data path reads straight through: member's session → use case → renderer. Errors
 * propagate to the caller, which turns them into words in one place.
 */
export async function answerCommand(
  services: Services,
  member: MemberKey,
  command: DirectoryCommand,
  options: AnswerOptions,
): Promise<Message> {
  try {
    return signedFor(services, member, await render(services, member, command, options));
  } catch (error) {
    // The link changed under the answer (a refresh on the way found a new role, or the member
    // relinked): answered again, once, from the link as it is now. A refusal to an
    // administrator who is one no more: answered again under their new role, from a cache
    // that forgot everything the administrator saw.
    const again =
      isAppError(error, 'link_changed') ||
      (isAppError(error, 'forbidden') && (await noLongerAdmin(services, member)));
    if (!again) throw error;
    return signedFor(services, member, await render(services, member, command, options));
  }
}

/**
 * RingCentral refused a member the app believed an administrator: perhaps they are not one any
 * more. One Light request says; a demotion is stored and forgets what was cached under the old
 * role at once, instead of at the hourly re-read. A regular member's refusal is what their role
 * means, and asks nothing.
 */
async function noLongerAdmin(services: Services, member: MemberKey): Promise<boolean> {
  const link = await services.links.getLink(member);
  if (!link?.identity.isAdmin) return false;
  const now = await services.sessions.currentIdentity(member).catch(() => null);
  return now !== null && !now.isAdmin;
}

async function render(
  services: Services,
  member: MemberKey,
  command: DirectoryCommand,
  options: AnswerOptions,
): Promise<Message> {
  const ctx = await memberContext(services, member, options.onProgress);
  const render = { shareable: options.shareable, callLinkUrl: services.config.callLinkUrl };
  const people = options.mentions === false ? null : services;
  switch (command.kind) {
    case 'lookup': {
      const result = await lookupNumber(ctx, command.query, { offset: options.offset });
      const presence = await readPresence(people, member, ctx, peopleOfLookup(result));
      const live = lookupWithPresence(result, presence);
      return renderLookup(await mentionOwners(people, member.teamId, live), render);
    }
    case 'extension': {
      const result = await extensionDetails(ctx, command.number);
      const presence = await readPresence(people, member, ctx, [result.extension]);
      const extension = await withSlackUser(people, member.teamId, presence(result.extension));
      return renderExtension({ ...result, extension }, render);
    }
    case 'find': {
      const result = await findExtensions(ctx, command.text, { offset: options.offset });
      const presence = await readPresence(people, member, ctx, result.page.items);
      const items = result.page.items.map((item) => presence(item));
      return renderFind({ ...result, page: { ...result.page, items } }, render);
    }
    case 'numbers': {
      const target = await directoryTarget(services, member, command.target);
      const result = await numbersOf(ctx, target);
      const presence = await readPresence(people, member, ctx, [result.extension]);
      const extension = await withSlackUser(people, member.teamId, presence(result.extension));
      return renderNumbers({ ...result, extension }, render);
    }
    case 'forwarding': {
      const target = await directoryTarget(services, member, command.target);
      const result = await forwardingOf(ctx, target);
      const extension = await withSlackUser(people, member.teamId, result.extension);
      return renderForwarding({ ...result, extension }, render);
    }
    case 'company':
      return renderCompany(await companyInfo(ctx), render);
  }
}
