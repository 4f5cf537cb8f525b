import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { factsOfSlackUser } from '../../flows/eligibility';
import { welcomeOnce } from '../../flows/welcome';
import type { Services } from '../../services';

type Args = SlackEventMiddlewareArgs<'team_join'> & AllMiddlewareArgs;

/** A new member joined the workspace: one welcome DM, from the user object Slack sent along. */
export function teamJoin(services: Services) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId || !event.user?.id) return;
    const member = { teamId, userId: event.user.id };
    await welcomeOnce(services, member, factsOfSlackUser(event.user)).catch((error) =>
      services.logger.warn({ message: (error as Error).message }, 'welcome not sent'),
    );
  };
}
