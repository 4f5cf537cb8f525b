import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { isAppError } from '../errors';
import { completeLink } from '../flows/complete-link';
import { PATHS } from '../paths';
import type { Services } from '../services';
import { clearedBindingCookie, hasBinding } from './browser-binding';
import { sendPage as send } from './html-page';
import { sendConfirmPage, sendLinkedPage, sendRefusedPage } from './link-pages';

/**
 * `GET /oauth/ringcentral/callback?code&state`: RingCentral's redirect after the user approves.
 * The state is spent first, so a replayed or forged callback changes nothing; a link is stored
 * only after the code exchange and the identity read both succeed, and only when the sign-in is
 * the member's own (see completeLink); otherwise the page says why, or asks again.
 */
export function oauthCallbackRoute(services: Services): CustomRoute {
  return {
    path: PATHS.oauthCallback,
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
    services.logger.warn('link refused: unknown, used or expired sign-in state');
    return send(
      res,
      400,
      'This link has expired',
      'The sign-in link was already used or is too old. Run /rcnumber link in Slack for a new one.',
    );
  }
  if (!hasBinding(services, req, state.state)) {
    // Started in another browser: someone may have sent their sign-in URL to this person.
    services.logger.warn(
      { teamId: state.teamId, userId: state.userId },
      'link refused: the sign-in came back in another browser',
    );
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
    const outcome = await completeLink(services, code, state);
    if (outcome.kind === 'linked') return await sendLinkedPage(services, res, outcome.link);
    if (outcome.kind === 'confirm') return await sendConfirmPage(services, res, outcome.pending);
    return await sendRefusedPage(services, res, outcome.member, outcome.signIn, outcome.refusal);
  } catch (error) {
    const reason =
      isAppError(error) && error.details.reason
        ? error.details.reason
        : 'RingCentral could not complete the sign-in.';
    return send(res, 502, 'Link not completed', `${reason} Nothing was changed.`);
  }
}
