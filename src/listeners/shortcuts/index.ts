import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { ShortcutIds } from '../../blocks';
import type { Services } from '../../services';
import { lookUpNumber } from './look-up-number';
import { whoOwnsNumbers } from './who-owns-numbers';

/** One listener per shortcut callback id; each file is named after its key in ShortcutIds. */
export function registerShortcuts(app: App, services: Services): void {
  app.shortcut<MessageShortcut>(ShortcutIds.whoOwnsNumbers, whoOwnsNumbers(services));
  app.shortcut<GlobalShortcut>(ShortcutIds.lookUpNumber, lookUpNumber(services));
}
