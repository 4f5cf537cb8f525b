/** Only Bolt listeners: one per command, action, view, shortcut and event id, each a few lines. */
import type { App } from '@slack/bolt';
import type { Services } from '../services';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { registerShortcuts } from './shortcuts';
import { registerViews } from './views';

export function registerListeners(app: App, services: Services): void {
  registerCommands(app, services);
  registerActions(app, services);
  registerViews(app, services);
  registerShortcuts(app, services);
  registerEvents(app, services);
}
