import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { openLookupModal } from '../../flows/lookup-modal';
import type { Services } from '../../services';
import { memberOf } from '../../slack/member-of';

type Args = SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs;

/** Global shortcut "Look up a number": the lookup modal, as `/rcnumber` alone opens it. */
export function lookUpNumber(services: Services) {
  return async ({ ack, shortcut }: Args): Promise<void> => {
    await ack();
    await openLookupModal(services, memberOf(shortcut), shortcut.trigger_id);
  };
}
