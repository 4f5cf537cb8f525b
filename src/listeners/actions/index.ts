import type { App, BlockButtonAction, BlockPlainTextInputAction } from '@slack/bolt';
import { ActionIds } from '../../blocks';
import type { Services } from '../../services';
import { auditNext } from './audit-next';
import { auditPrevious } from './audit-previous';
import { call } from './call';
import { connect } from './connect';
import { openSearch } from './open-search';
import { pageNext } from './page-next';
import { pagePrevious } from './page-previous';
import { reconnect } from './reconnect';
import { searchInput } from './search-input';
import { share } from './share';
import { shareForwarding } from './share-forwarding';
import { showForwarding } from './show-forwarding';
import { showNumbers } from './show-numbers';
import { unlink } from './unlink';

/** One listener per action id; each file is named after its key in ActionIds. */
export function registerActions(app: App, services: Services): void {
  app.action<BlockButtonAction>(ActionIds.connect, connect(services));
  app.action<BlockButtonAction>(ActionIds.reconnect, reconnect(services));
  app.action<BlockButtonAction>(ActionIds.unlink, unlink(services));
  app.action<BlockButtonAction>(ActionIds.pageNext, pageNext(services));
  app.action<BlockButtonAction>(ActionIds.pagePrevious, pagePrevious(services));
  app.action<BlockButtonAction>(ActionIds.share, share(services));
  app.action<BlockButtonAction>(ActionIds.shareForwarding, shareForwarding(services));
  app.action<BlockButtonAction>(ActionIds.openSearch, openSearch(services));
  app.action<BlockButtonAction>(ActionIds.showForwarding, showForwarding(services));
  app.action<BlockButtonAction>(ActionIds.showNumbers, showNumbers(services));
  app.action<BlockPlainTextInputAction>(ActionIds.searchInput, searchInput(services));
  app.action<BlockButtonAction>(ActionIds.auditNext, auditNext(services));
  app.action<BlockButtonAction>(ActionIds.auditPrevious, auditPrevious(services));
  app.action<BlockButtonAction>(ActionIds.call, call());
}
