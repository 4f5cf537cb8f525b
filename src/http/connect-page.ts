import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { PATHS } from '../paths';
import type { ConnectClaims } from '../ringcentral/connect-token';
import type { Services } from '../services';
import { memberLabel, workspaceWords } from '../slack/member-label';
import { bindingCookie } from './browser-binding';
import { BodyTooLarge, readFormBody } from './form-body';
import { escapeHtml, htmlDocument, PAGE_HEADERS, sendHtml, sendPage } from './html-page';
import { FORM_PAGE_HEADERS, fromOwnPage, postOrigin } from './same-origin';

/** A Connect token is 43 characters; nothing legitimate posts more than this. */
const MAX_FORM_BYTES = 8 * 1024;

/**
 * Where a Connect button leads. A button is bound to the Slack member who asked for it, but its
 * URL can be forwarded: whoever approves at RingCentral would link THEIR extension (an admin's,
 * say) to that member. So `GET ?t=…` only shows whose Slack account this is for and asks to
 * continue; the confirmation's `POST` is what creates the single-use OAuth state and sends the
 * browser to RingCentral. A GET changes nothing, so link scanners and previews are harmless.
 */
export function connectPageRoute(services: Services): CustomRoute {
  return {
    path: PATHS.connect,
    method: ['GET', 'POST'],
    handler: (req, res) => {
      const work =
        req.method === 'POST' ? proceed(services, req, res) : confirm(services, req, res);
      work.catch((error) => {
        services.logger.error({ message: (error as Error).message }, 'link start failed');
        if (res.headersSent) res.end();
        else sendPage(res, 500, 'Something went wrong', 'Please try again from Slack.');
      });
    },
  };
}

/** `GET ?t=…`: names the member the token is bound to and offers to continue. */
async function confirm(services: Services, req: IncomingMessage, res: ServerResponse) {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('t') ?? '';
  const claims = await services.connectTokens.resolve(token);
  if (!claims) return expired(res);
  const who = await memberLabel(services, claims);
  const action = `${services.config.publicUrl}${PATHS.connect}`;
  const body = `<p>Connect RingCentral to the Slack account of <strong>${escapeHtml(who.name)}</strong>
in workspace <strong>${escapeHtml(workspaceWords(who))}</strong>.</p>
<p><small>Slack member ${escapeHtml(who.userId)}</small></p>
<p>Only continue if this is you, and sign in at RingCentral with your own account. ${
    services.config.linking.emailMatch === 'confirm'
      ? 'If your RingCentral extension&#39;s email is not this Slack account&#39;s, you will be asked again, with both named.'
      : 'The link is made only when your RingCentral extension&#39;s email is this Slack account&#39;s email.'
  }</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="t" value="${escapeHtml(token)}">
<button type="submit">Continue to RingCentral</button>
</form>
<p><small>Not you? Close this tab. To link your own account, run /rcnumber link in Slack.</small></p>`;
  sendHtml(res, 200, htmlDocument('Connect RingCentral', body), FORM_PAGE_HEADERS);
}

/** `POST t=…` from the confirmation page: a fresh OAuth state, then RingCentral's page. */
async function proceed(services: Services, req: IncomingMessage, res: ServerResponse) {
  let form: URLSearchParams;
  try {
    form = await readFormBody(req, MAX_FORM_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    return sendPage(res, 413, 'Link not started', 'The request was too large.', {
      Connection: 'close',
    });
  }
  const claims = await services.connectTokens.resolve(form.get('t') ?? '');
  if (!fromOwnPage(services.config.publicUrl, req)) {
    services.logger.warn(
      { teamId: claims?.teamId, userId: claims?.userId, ...postOrigin(req) },
      'link start refused: not posted from the confirmation page',
    );
    return sendPage(
      res,
      403,
      'Link not started',
      'This request did not come from the rcnumber confirmation page, so nothing was started. Open the Connect button in Slack again and press Continue there.',
    );
  }
  if (!claims) return expired(res);
  const start = await services.oauth.start(claims, {
    channelId: claims.channelId,
    responseUrl: claims.responseUrl,
  });
  await noteOpened(services, claims);
  res.writeHead(303, {
    ...PAGE_HEADERS,
    Location: start.url,
    'Set-Cookie': bindingCookie(services, start.state),
  });
  res.end();
}

async function noteOpened(services: Services, claims: ConnectClaims): Promise<void> {
  // Schedules the one reminder should the member not finish; linking does not depend on it.
  await services.members
    .noteLinkOpened(claims, services.now(), services.now() + 24 * 60 * 60_000)
    .catch(() => undefined);
}

function expired(res: ServerResponse): void {
  sendPage(
    res,
    400,
    'This button has expired',
    'Run /rcnumber link in Slack for a new Connect button.',
  );
}
