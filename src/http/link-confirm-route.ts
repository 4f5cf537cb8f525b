import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { decidePendingLink } from '../flows/confirm-pending-link';
import { PATHS } from '../paths';
import type { Services } from '../services';
import { clearedBindingCookie, hasBinding } from './browser-binding';
import { BodyTooLarge, readFormBody } from './form-body';
import { sendPage } from './html-page';
import { sendLinkedPage, sendRefusedPage } from './link-pages';
import { fromOwnPage, postOrigin } from './same-origin';

const MAX_FORM_BYTES = 8 * 1024;

/**
 * `POST /oauth/ringcentral/confirm` (LINK_EMAIL_MATCH=confirm): the answer of the second page
 * for a sign-in whose emails differ. Refused unless posted from our own page, in the browser
 * that signed in (its cookie is bound to the pending sign-in); the pending sign-in is then
 * taken in one step, so a replay finds nothing.
 */
export function linkConfirmRoute(services: Services): CustomRoute {
  return {
    path: PATHS.linkConfirm,
    method: ['POST'],
    handler: (req, res) => {
      decide(services, req, res).catch((error) => {
        services.logger.error({ message: (error as Error).message }, 'link confirmation failed');
        if (res.headersSent) res.end();
        else
          sendPage(
            res,
            500,
            'Something went wrong',
            'Nothing was linked. Please try again from Slack.',
          );
      });
    },
  };
}

async function decide(services: Services, req: IncomingMessage, res: ServerResponse) {
  let form: URLSearchParams;
  try {
    form = await readFormBody(req, MAX_FORM_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    return sendPage(res, 413, 'Nothing was linked', 'The request was too large.', {
      Connection: 'close',
    });
  }
  const id = form.get('p') ?? '';
  const decision = form.get('decision');
  if (!fromOwnPage(services.config.publicUrl, req)) {
    services.logger.warn(postOrigin(req), 'link confirmation refused: not posted from its page');
    return sendPage(
      res,
      403,
      'Nothing was linked',
      'This request did not come from the rcnumber confirmation page, so nothing was linked.',
    );
  }
  if (!id || (decision !== 'link' && decision !== 'cancel')) {
    return sendPage(
      res,
      400,
      'Nothing was linked',
      'This confirmation is incomplete. Start again from Slack.',
    );
  }
  if (!hasBinding(services, req, id)) {
    // Not taken: the browser that signed in can still answer its own page.
    services.logger.warn('link confirmation refused: opened in another browser');
    return sendPage(
      res,
      400,
      'Nothing was linked',
      'This confirmation belongs to the browser that signed in at RingCentral, so nothing was linked here.',
    );
  }
  const outcome = await decidePendingLink(services, id, decision);
  const cleared = { 'Set-Cookie': clearedBindingCookie() };
  switch (outcome.kind) {
    case 'linked':
      return sendLinkedPage(services, res, outcome.link);
    case 'refused':
      return sendRefusedPage(services, res, outcome.member, outcome.signIn, outcome.refusal);
    case 'cancelled':
      return sendPage(
        res,
        200,
        'Link cancelled',
        'Nothing was linked, and your RingCentral sign-in was ended. You can close this tab.',
        cleared,
      );
    case 'gone':
      return sendPage(
        res,
        400,
        'This confirmation has expired',
        'It was already used or is too old, so nothing (more) was linked here; a sign-in nobody confirmed in time is ended. Run /rcnumber link in Slack to start again.',
        cleared,
      );
  }
}
