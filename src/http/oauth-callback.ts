import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { confirmLink } from '../answers/confirm-link';
import { isAppError } from '../errors';
import { revokeTokens } from '../ringcentral/oauth';
import type { Services } from '../services';
import { clearedBindingCookie, hasBinding } from './browser-binding';
import { sendPage as send } from './html-page';
import { memberLabel } from './member-label';

export const OAUTH_CALLBACK_PATH = '/oauth/ringcentral/callback';

/**
 * `GET /oauth/ringcentral/callback?code&state`: RingCentral's redirect after the user approves.
 * The state is spent first, so a replayed or forged callback changes nothing; a link is stored
 * only after the code exchange and the identity read both succeed.
 */
export function oauthCallbackRoute(services: Services): CustomRoute {
  return {
    path: OAUTH_CALLBACK_PATH,
    method: ['GET'],
    handler: (req, res) => {
      handle(services, req, res).catch((error) => {
        services.logger.error({ message: (error as Error).message }, 'oauth callback failed');
        send(res, 500, 'Something went wrong', 'Nothing was changed. Please try again from Slack.');
      });
    },
  };
}

async function handle(services: Services, req: IncomingMessage, res: ServerResponse) {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const stateValue = query.get('state') ?? '';
  const code = query.get('code') ?? '';
  const denied = query.get('error');
  if (!stateValue) {
    return send(
      res,
      400,
      'Link not completed',
      'This page was opened without a sign-in request. Run /rcnumber link in Slack to start.',
    );
  }
  const state = await services.oauth.consumeState(stateValue);
  if (!state) {
    return send(
      res,
      400,
      'This link has expired',
      'The sign-in link was already used or is too old. Run /rcnumber link in Slack for a new one.',
    );
  }
  if (!hasBinding(services, req, state.state)) {
    // Started in another browser: someone may have sent their sign-in URL to this person.
    return send(
      res,
      400,
      'Link not completed',
      'This sign-in was started in another browser, so nothing was linked. To link your own account, run /rcnumber link in Slack and open its Connect button here.',
      { 'Set-Cookie': clearedBindingCookie() },
    );
  }
  if (denied) {
    return send(
      res,
      400,
      'Link cancelled',
      'RingCentral access was not granted, so nothing was linked. You can run /rcnumber link again any time.',
    );
  }
  if (!code) {
    return send(
      res,
      400,
      'Link not completed',
      'RingCentral did not send a sign-in code. Run /rcnumber link in Slack to try again.',
    );
  }
  try {
    const { tokens, identity } = await services.oauth.exchange(code, state);
    const replaced = await services.links.getLink(state);
    const link = await services.links
      .saveLink({ teamId: state.teamId, userId: state.userId, identity, tokens })
      .catch(async (error) => {
        // Not stored, so not kept: end the session RingCentral just opened.
        await revokeTokens(services.credentials, tokens);
        throw error;
      });
    // A relink ends the session it replaces, so no forgotten token stays valid at RingCentral.
    if (replaced?.tokens.refreshToken) {
      services.background.run(revokeTokens(services.credentials, replaced.tokens));
    }
    services.logger.info(
      { teamId: link.teamId, userId: link.userId, extension: identity.extensionNumber },
      'linked',
    );
    await confirmLink(services, link, state).catch((error) =>
      services.logger.warn(
        { message: (error as Error).message },
        'could not confirm the link in Slack',
      ),
    );
    const ext = identity.extensionNumber ? `, ext ${identity.extensionNumber}` : '';
    const rcExt = identity.extensionNumber ? ` ext ${identity.extensionNumber}` : '';
    // Names the Slack side too, so whoever approved sees whose Slack account got their access.
    const who = await memberLabel(services, state);
    return send(
      res,
      200,
      `Linked as ${identity.name}${ext}`,
      `Linked Slack member ${who.name} in workspace ${who.teamId} to RingCentral${rcExt} (${identity.name}). You can close this tab and go back to Slack.`,
    );
  } catch (error) {
    const reason =
      isAppError(error) && error.details.reason
        ? error.details.reason
        : 'RingCentral could not complete the sign-in.';
    return send(res, 502, 'Link not completed', `${reason} Nothing was changed.`);
  }
}
