import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { eventTimeMs, removeInstallation } from '../../flows/uninstall';
import type { Services } from '../../services';

type Args = SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs;

/**
 * Tokens were revoked. The app holds no user tokens; a revoked bot token leaves the workspace
 * unanswerable, so it is forgotten as on uninstall.
 */
export function tokensRevoked(services: Services) {
  return async ({ body, event, context }: Args): Promise<void> => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await removeInstallation(services, {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: Boolean(context.isEnterpriseInstall),
      eventTimeMs: eventTimeMs(body),
      botUserIds: event.tokens.bot ?? [],
    });
  };
}
