import type { HTTPReceiverOptions } from '@slack/bolt';
import type { Services } from '../services';
import { sendPage } from './html-page';

type CallbackOptions = NonNullable<
  NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']
>;

/** Codes @slack/oauth gives a redirect without a valid state for this browser, or without a code. */
const REFUSED = new Set([
  'slack_oauth_missing_state',
  'slack_oauth_invalid_state',
  'slack_oauth_missing_code',
  'slack_oauth_installer_authorization_error',
]);

/**
 * The pages after Slack's install flow (`/slack/oauth_redirect`): which workspace now has the
 * app, or that nothing was installed. Bolt checks the state (signed with SLACK_STATE_SECRET and
 * bound to the browser's cookie) before anything is exchanged or stored.
 */
export function installPages(services: Services): CallbackOptions {
  return {
    success: (installation, _options, _req, res) => {
      const orgWide = Boolean(installation.isEnterpriseInstall);
      const where = orgWide
        ? `the ${installation.enterprise?.name ?? installation.enterprise?.id} organisation`
        : `${installation.team?.name ?? installation.team?.id}`;
      services.logger.info(
        {
          teamId: installation.team?.id ?? null,
          enterpriseId: installation.enterprise?.id ?? null,
          isEnterpriseInstall: orgWide,
          installerUserId: installation.user.id,
        },
        'installed in Slack',
      );
      sendPage(
        res,
        200,
        'rcnumber is installed',
        `rcnumber is installed in ${where}. Each member links their own RingCentral extension with /rcnumber link in Slack. You can close this tab.`,
      );
    },
    failure: (error, _options, _req, res) => {
      const refused = REFUSED.has(error.code);
      services.logger.warn({ code: error.code }, 'Slack install not completed');
      sendPage(
        res,
        refused ? 400 : 502,
        'Nothing was installed',
        refused
          ? 'This install was not started in this browser, was cancelled, or is too old. Start again from the install page.'
          : 'Slack did not complete the install. Start again from the install page.',
      );
    },
  };
}
