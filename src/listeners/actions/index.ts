import type { App, BlockButtonAction, BlockPlainTextInputAction } from '@slack/bolt';
import type { Services } from '../../services';
import { ActionIds } from '../ids';
import { connectClicked, openSearchClicked, unlinkClicked } from './account-buttons';
import { extensionButtonAction } from './extension-buttons';
import { pageAction } from './page';
import { searchInputAction } from './search-input';
import { shareAction } from './share';
import { shareForwardingAction } from './share-forwarding';

export function registerActions(app: App, services: Services): void {
  app.action<BlockButtonAction>(ActionIds.pageNext, pageAction(services));
  app.action<BlockButtonAction>(ActionIds.pagePrevious, pageAction(services));
  app.action<BlockButtonAction>(ActionIds.share, shareAction(services));
  app.action<BlockButtonAction>(ActionIds.shareForwarding, shareForwardingAction(services));
  app.action<BlockButtonAction>(ActionIds.showNumbers, extensionButtonAction(services, 'numbers'));
  app.action<BlockButtonAction>(
    ActionIds.showForwarding,
    extensionButtonAction(services, 'forwarding'),
  );
  app.action<BlockButtonAction>(ActionIds.connect, connectClicked(services));
  app.action<BlockButtonAction>(ActionIds.reconnect, connectClicked(services));
  app.action<BlockButtonAction>(ActionIds.unlink, unlinkClicked(services));
  app.action<BlockButtonAction>(ActionIds.openSearch, openSearchClicked(services));
  app.action<BlockPlainTextInputAction>(ActionIds.searchInput, searchInputAction(services));
}
