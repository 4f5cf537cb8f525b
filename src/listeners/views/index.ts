import type { App } from '@slack/bolt';
import { CallbackIds } from '../../blocks';
import type { Services } from '../../services';
import { confirmShare } from './confirm-share';
import { lookupModalSubmitted } from './lookup-modal';

/** One listener per view callback id; each file is named after its key in CallbackIds. */
export function registerViews(app: App, services: Services): void {
  app.view(CallbackIds.lookupModal, lookupModalSubmitted(services));
  app.view(CallbackIds.confirmShare, confirmShare(services));
}
