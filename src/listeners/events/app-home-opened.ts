import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeOpened } from '../../flows/app-home';
import type { Services } from '../../services';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** A member opened the app (its Home or Messages tab). */
export function appHomeOpened(services: Services) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    await homeOpened(services, { teamId, userId: event.user }, event.tab);
  };
}
