import type { DirectoryContext, ProgressFn, Target } from '../directory';
import { AppError } from '../errors';
import type { Target as CommandTarget } from '../grammar';
import { listingWorker } from '../listing-worker';
import { AccountApi } from '../ringcentral/account-api';
import type { Services } from '../services';
import type { MemberKey } from '../store/types';

/** Opens the asking member's own RingCentral session and wraps it for the use cases. */
export async function memberContext(
  services: Services,
  member: MemberKey,
  onProgress?: ProgressFn,
): Promise<DirectoryContext> {
  const session = await services.sessions.open(member);
  return {
    api: new AccountApi(session),
    cache: services.cache,
    onProgress,
    background: (task) => services.background.run(task),
    // Off the event loop where the worker can run; in slices on it where not.
    tables: listingWorker.usable() ? listingWorker : undefined,
  };
}

/** A Slack mention becomes the person's email, which RingCentral can look up. */
export async function directoryTarget(
  services: Services,
  member: MemberKey,
  target: CommandTarget,
): Promise<Target> {
  if (target.kind !== 'user') return target;
  const person = await services.people.member(member.teamId, target.userId);
  if (!person) throw new AppError('not_found', `I could not find <@${target.userId}> in Slack.`);
  if (!person.email) {
    throw new AppError(
      'not_found',
      `<@${target.userId}> has no email in Slack to match with RingCentral.`,
    );
  }
  return { kind: 'email', email: person.email, who: `<@${target.userId}>` };
}
