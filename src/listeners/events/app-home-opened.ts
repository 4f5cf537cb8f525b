import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { publishHome } from '../../onboarding/home-tab';
import { welcomeOnce } from '../../onboarding/welcome';
import type { Services } from '../../services';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * A member opened the app: the Home tab is rendered for them (under their own link, if any),
 * and the first visit of a member who is not linked brings the welcome DM.
 */
export function appHomeOpened(services: Services) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    const member = { teamId, userId: event.user };
    const home = event.tab === 'messages' ? Promise.resolve() : publishHome(services, member);
    const welcome = welcomeOnce(services, member).catch((error) =>
      services.logger.warn({ message: (error as Error).message }, 'welcome not sent'),
    );
    // Tracked, so stopping the app lets a visit's work finish (Slack was answered already).
    const work = Promise.all([home, welcome]);
    services.background.run(work);
    await work;
  };
}
