import type { App } from '@slack/bolt';
import type { Services } from '../../services';
import { appHomeOpened } from './app-home-opened';
import { appUninstalled } from './app-uninstalled';
import { teamAccessRevoked } from './team-access-revoked';
import { teamJoin } from './team-join';
import { tokensRevoked } from './tokens-revoked';

export function registerEvents(app: App, services: Services): void {
  app.event('app_home_opened', appHomeOpened(services));
  app.event('team_join', teamJoin(services));
  app.event('app_uninstalled', appUninstalled(services));
  app.event('tokens_revoked', tokensRevoked(services));
  app.event('team_access_revoked', teamAccessRevoked(services));
}
