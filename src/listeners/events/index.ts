import type { App } from '@slack/bolt';
import type { Services } from '../../services';
import { appHomeOpened } from './app-home-opened';
import { teamJoin } from './team-join';

export function registerEvents(app: App, services: Services): void {
  app.event('app_home_opened', appHomeOpened(services));
  app.event('team_join', teamJoin(services));
}
