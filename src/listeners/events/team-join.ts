import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { factsOfSlackUser } from '../../onboarding/eligibility';
import { welcomeOnce } from '../../onboarding/welcome';
import type { Services } from '../../services';

type Args = SlackEventMiddlewareArgs<'team_join'> & AllMiddlewareArgs;

/** A new member joined the workspace: one welcome DM, from the user object Slack sent along. */
export function teamJoin(services: Services) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId || !event.user?.id) return;
    const work = welcomeOnce(
      services,
      { teamId, userId: event.user.id },
      factsOfSlackUser(event.user),
    ).catch((error) =>
      services.logger.warn({ message: (error as Error).message }, 'welcome not sent'),
    );
    // Tracked, so stopping the app lets the welcome finish (Slack was answered already).
    services.background.run(work);
    await work;
  };
}
