import type { App } from '@slack/bolt';
import type { Services } from '../../services';
import { CallbackIds } from '../ids';
import { confirmShareSubmission } from './confirm-share';
import { lookupSubmission } from './lookup-submission';

export function registerViews(app: App, services: Services): void {
  app.view(CallbackIds.lookupModal, lookupSubmission(services));
  app.view(CallbackIds.confirmShare, confirmShareSubmission(services));
}
