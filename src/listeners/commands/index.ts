import type { App } from '@slack/bolt';
import type { Services } from '../../services';
import { rcnumber } from './rcnumber';

export function registerCommands(app: App, services: Services): void {
  app.command('/rcnumber', rcnumber(services));
}
