import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { eventTimeMs, removeInstallation } from '../../flows/uninstall';
import type { Services } from '../../services';

type Args = SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs;

/** The app was removed from a workspace (or an organisation): forget it and its links. */
export function appUninstalled(services: Services) {
  return async ({ body, context }: Args): Promise<void> => {
    await removeInstallation(services, {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: Boolean(context.isEnterpriseInstall),
      eventTimeMs: eventTimeMs(body),
    });
  };
}
