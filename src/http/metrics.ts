import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { PATHS } from '../paths';
import type { Services } from '../services';

/**
 * `GET /metrics`: Prometheus text. With METRICS_TOKEN set, only for `Authorization: Bearer
 * <token>`, compared in constant time (both sides hashed first, so their lengths match too).
 */
export function metricsRoute(services: Services): CustomRoute {
  const expected = services.config.metricsToken;
  return {
    path: PATHS.metrics,
    method: ['GET'],
    handler: (req, res) => {
      if (expected !== undefined && !bearerMatches(req, expected)) {
        services.logger.warn({ path: PATHS.metrics }, 'metrics refused: missing or wrong token');
        res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' });
        res.end('A valid bearer token is needed.\n');
        return;
      }
      services.metrics.text().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': services.metrics.contentType });
          res.end(text);
        },
        (error: unknown) => {
          services.logger.error({ message: (error as Error).message }, 'metrics failed');
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end('Metrics are not available right now.\n');
        },
      );
    },
  };
}

function bearerMatches(req: IncomingMessage, expected: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(expected));
}
