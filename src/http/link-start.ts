import type { CustomRoute } from '@slack/bolt';
import type { Services } from '../services';
import { htmlPage } from './html-page';

export const LINK_START_PATH = '/oauth/ringcentral/start';

/**
 * `GET /oauth/ringcentral/start?t=…`: where a Connect button leads. Checks the signed token,
 * creates a fresh single-use state (with its PKCE verifier) for that member, and redirects the
 * browser to RingCentral's authorization page.
 */
export function linkStartRoute(services: Services): CustomRoute {
  return {
    path: LINK_START_PATH,
    method: ['GET'],
    handler: (req, res) => {
      const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('t') ?? '';
      const claims = services.linkStart.verify(token, services.now());
      if (!claims) {
        res.writeHead(400, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end(
          htmlPage(
            'This button has expired',
            'Run /rcnumber link in Slack for a new Connect button.',
          ),
        );
        return;
      }
      services.oauth
        .start(claims, { channelId: claims.channelId, responseUrl: claims.responseUrl })
        .then(async (start) => {
          await services.store
            .noteLinkOpened(claims, services.now(), services.now() + 24 * 60 * 60_000)
            .catch(() => undefined);
          res.writeHead(302, { Location: start.url, 'Cache-Control': 'no-store' });
          res.end();
        })
        .catch((error) => {
          services.logger.error({ message: (error as Error).message }, 'link start failed');
          res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(htmlPage('Something went wrong', 'Please try again from Slack.'));
        });
    },
  };
}
