/** Prometheus metrics: one registry per app, and the timer of Slack acks. */
export { timeSlackAcks } from './ack-timer';
export { Metrics, type MetricsSources } from './metrics';
