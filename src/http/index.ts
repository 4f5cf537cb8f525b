/** The app's own HTTP routes beside Slack's: the Connect pages, RingCentral's callback, health, metrics. */
export { connectPageRoute } from './connect-page';
export { healthRoute } from './health';
export { linkConfirmRoute } from './link-confirm-route';
export { metricsRoute } from './metrics';
export { oauthCallbackRoute } from './oauth-callback';
export { ringcentralEventsRoute } from './ringcentral-events';
