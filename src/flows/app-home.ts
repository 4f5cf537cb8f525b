import type { HomeView } from '@slack/types';
import { homeBroken, homeLinked, homeUnlinked } from '../blocks';
import { forwardingOf, numbersOf } from '../directory';
import { isAppError } from '../errors';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { slackErrorCode } from '../slack/error-code';
import type { Link } from '../store/types';
import { connectUrl } from './link-prompt';
import { memberContext } from './member-context';
import { welcomeOnce } from './welcome';

/**
 * The member's Home tab as it stands now: not linked, linked (with their own numbers and
 * forwarding, read under their own RingCentral session), or broken. RingCentral failures
 * leave gaps in the linked view rather than no view at all.
 */
export async function homeViewFor(services: Services, member: MemberKey): Promise<HomeView> {
  const link = await services.links.getLink(member);
  if (!link) return homeUnlinked({ connectUrl: await connectUrl(services, member) });
  if (link.status === 'broken') return brokenView(services, link, link.brokenReason);
  return linkedView(services, link);
}

/** Renders and publishes the member's Home tab. Never throws: a stale tab beats a failed request. */
export async function publishHome(services: Services, member: MemberKey): Promise<void> {
  try {
    const view = await homeViewFor(services, member);
    await services.slack.views.publish({ user_id: member.userId, view });
  } catch (error) {
    const code = slackErrorCode(error);
    services.logger.warn(
      { userId: member.userId, code: code ?? (error as Error).message },
      'Home tab not published',
    );
  }
}

/**
 * A member opened the app: the Home tab is rendered for them (under their own link, if any),
 * and the first visit of a member who is not linked brings the welcome DM. Both run at once;
 * the app-wide middleware already lets a stop wait for them.
 */
export async function homeOpened(
  services: Services,
  member: MemberKey,
  tab: string | undefined,
): Promise<void> {
  const home = tab === 'messages' ? Promise.resolve() : publishHome(services, member);
  const welcome = welcomeOnce(services, member).catch((error) =>
    services.logger.warn({ message: (error as Error).message }, 'welcome not sent'),
  );
  await Promise.all([home, welcome]);
}

async function brokenView(
  services: Services,
  member: MemberKey,
  reason: string | null,
): Promise<HomeView> {
  return homeBroken({ reason: reason ?? '', connectUrl: await connectUrl(services, member) });
}

async function linkedView(services: Services, link: Link): Promise<HomeView> {
  let ctx: Awaited<ReturnType<typeof memberContext>>;
  try {
    ctx = await memberContext(services, link);
  } catch (error) {
    if (isAppError(error, 'link_broken'))
      return brokenView(services, link, error.details.reason ?? null);
    throw error;
  }
  const [numbers, forwarding] = await Promise.allSettled([
    numbersOf(ctx, { kind: 'self' }),
    forwardingOf(ctx, { kind: 'self' }),
  ]);
  // A refresh that RingCentral refused while reading turns the tab into the Reconnect view.
  for (const result of [numbers, forwarding]) {
    if (result.status === 'rejected' && isAppError(result.reason, 'link_broken')) {
      return brokenView(services, link, result.reason.details.reason ?? null);
    }
  }
  for (const result of [numbers, forwarding]) {
    if (result.status === 'rejected' && !isAppError(result.reason, 'no_forwarding')) {
      const code = isAppError(result.reason) ? result.reason.code : 'unexpected';
      services.logger.warn({ userId: link.userId, code }, 'Home tab shown without some details');
    }
  }
  return homeLinked({
    link,
    numbers: numbers.status === 'fulfilled' ? numbers.value.numbers : null,
    forwarding:
      forwarding.status === 'fulfilled'
        ? forwarding.value.entries
        : isAppError(forwarding.reason, 'no_forwarding')
          ? undefined
          : null,
    now: services.now(),
  });
}
