import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Metrics } from './metrics';

/**
 * Times every Slack request on the HTTP server from its arrival to the end of its answer: with
 * Bolt's processBeforeResponse off, that answer is the ack. Added first among the server's
 * request listeners, so the clock starts before Bolt reads the body.
 */
export function timeSlackAcks(server: Server, path: string, metrics: Metrics): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !req.url?.startsWith(path)) return;
    const started = performance.now();
    res.once('finish', () => metrics.ackSeconds.observe((performance.now() - started) / 1000));
  });
}
