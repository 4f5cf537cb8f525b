import type { App } from '@slack/bolt';
import type { Services } from '../../services';
import { rcnumberCommand } from './rcnumber';

export function registerCommands(app: App, services: Services): void {
  app.command('/rcnumber', rcnumberCommand(services));
}
