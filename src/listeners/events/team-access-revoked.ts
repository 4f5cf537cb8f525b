import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { removeWorkspaces } from '../../flows/uninstall';
import type { Services } from '../../services';

type Args = SlackEventMiddlewareArgs<'team_access_revoked'> & AllMiddlewareArgs;

/** An org-wide install was removed from some of the organisation's workspaces: forget them. */
export function teamAccessRevoked(services: Services) {
  return async ({ event, context }: Args): Promise<void> => {
    await removeWorkspaces(services, context.enterpriseId, event.team_ids ?? []);
  };
}
