/** The app's own HTTP routes beside Slack's: the Connect pages, RingCentral's callback, health. */
export { connectPageRoute } from './connect-page';
export { healthRoute } from './health';
export { linkConfirmRoute } from './link-confirm-route';
export { oauthCallbackRoute } from './oauth-callback';
export { ringcentralEventsRoute } from './ringcentral-events';
