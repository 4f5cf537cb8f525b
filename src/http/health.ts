import type { CustomRoute } from '@slack/bolt';
import { PATHS } from '../paths';
import type { Services } from '../services';

/** `GET /healthz`: 200 when the store answers, 503 otherwise. */
export function healthRoute(services: Services): CustomRoute {
  return {
    path: PATHS.health,
    method: ['GET'],
    handler: (_req, res) => {
      services.store
        .ping()
        .catch(() => false)
        .then((ok) => {
          res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok }));
        });
    },
  };
}
