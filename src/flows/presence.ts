import { type DirectoryContext, presenceCandidates, presenceOf } from '../directory';
import type { ExtensionSummary, LookupResult, MemberKey } from '../model';
import type { Services } from '../services';

/** Copies a person with their presence, when there is one to show. */
export type WithPresence = <T extends ExtensionSummary | null>(person: T) => T;

const unchanged: WithPresence = (person) => person;

/**
 * Reads the presence of the people an answer names, once, under the asker's own token, and
 * hands back what adds it to each. Presence never fails an answer: where RingCentral refuses
 * (the app lacks ReadPresence) the answer is given without it, and the refusal is logged.
 */
export async function readPresence(
  services: Services | null,
  member: MemberKey,
  ctx: DirectoryContext,
  people: Array<ExtensionSummary | null | undefined>,
): Promise<WithPresence> {
  const ids = services ? presenceCandidates(people) : [];
  if (!services || ids.length === 0) return unchanged;
  const answer = await presenceOf(ctx, ids);
  if (answer.refused) {
    services.logger.warn(
      {
        teamId: member.teamId,
        userId: member.userId,
        extensionId: ctx.api.http.identity.extensionId,
      },
      'RingCentral refused to tell presence (does the app have ReadPresence?)',
    );
  }
  if (answer.byId.size === 0) return unchanged;
  return <T extends ExtensionSummary | null>(person: T): T => {
    const presence = person ? answer.byId.get(person.id) : undefined;
    return person && presence ? { ...person, presence } : person;
  };
}

/** The people a number answer names: the owner, or the extension and each number's owner. */
export function peopleOfLookup(result: LookupResult): Array<ExtensionSummary | null> {
  if (result.kind === 'full') return [result.number?.owner ?? null];
  return [result.extension, ...result.page.items.map((item) => item.owner)];
}

/** The same answer, each person in it copied with their presence. */
export function lookupWithPresence(result: LookupResult, add: WithPresence): LookupResult {
  if (result.kind === 'full') {
    if (!result.number) return result;
    return { ...result, number: { ...result.number, owner: add(result.number.owner) } };
  }
  const items = result.page.items.map((item) => ({ ...item, owner: add(item.owner) }));
  return { ...result, extension: add(result.extension), page: { ...result.page, items } };
}
