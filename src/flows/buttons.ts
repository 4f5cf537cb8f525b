import type { Message } from '../blocks';
import { ActionIds, parsePageValue, renderUnlinked } from '../blocks';
import type { MemberKey } from '../model';
import type { Services } from '../services';
import { type ActionSite, answerAction } from './answer-action';
import { answerCommand, type DirectoryCommand } from './answer-command';
import { refuseClick, valueOfClick } from './button-values';
import { commandFromPage } from './replay';
import { shareableFrom } from './shareable';
import { unlinkMember } from './unlink';

const DAY_MS = 24 * 60 * 60_000;

/** Next / Previous: the same question again, at another offset, under the clicker's token. */
export async function answerPage(
  services: Services,
  site: ActionSite,
  action: { action_id: string; value?: string },
  channelId: string | undefined,
): Promise<void> {
  const raw = await valueOfClick(services, site, action.action_id, action.value);
  if (raw === null) return;
  const value = parsePageValue(raw);
  if (!value) return refuseClick(services, site, action.action_id, 'changed');
  await answerAction(services, site, () =>
    answerCommand(services, site.member, commandFromPage(value), {
      shareable: shareableFrom(site.place, channelId),
      offset: value.o,
    }),
  );
}

/** "Numbers" / "Forwarding" next to an extension: that extension's list, asked afresh. */
export async function answerExtensionList(
  services: Services,
  site: ActionSite,
  kind: 'numbers' | 'forwarding',
  rawValue: string | undefined,
  channelId: string | undefined,
): Promise<void> {
  const actionId = kind === 'numbers' ? ActionIds.showNumbers : ActionIds.showForwarding;
  const raw = await valueOfClick(services, site, actionId, rawValue);
  if (raw === null) return;
  const number = raw.trim();
  if (!/^\d{1,10}$/.test(number)) return refuseClick(services, site, actionId, 'changed');
  const command: DirectoryCommand = { kind, target: { kind: 'extension', number } };
  await answerAction(
    services,
    { ...site, replace: Boolean(site.place.view), errorAction: kind },
    () =>
      answerCommand(services, site.member, command, {
        shareable: shareableFrom(site.place, channelId),
      }),
  );
}

/**
 * "Connect RingCentral" opens a URL in the browser; Slack still sends the click. It is
 * remembered so that one reminder can follow if the member never finishes.
 */
export async function noteConnectClicked(services: Services, member: MemberKey): Promise<void> {
  if (await services.links.getLink(member)) return;
  const now = services.now();
  await services.members.noteLinkOpened(member, now, now + DAY_MS);
}

/** The Unlink button: ends the link; a message gets "unlinked", the Home tab republishes itself. */
export async function unlinkFromButton(
  services: Services,
  site: ActionSite,
  onHomeTab: boolean,
): Promise<void> {
  await unlinkMember(services, site.member);
  if (!onHomeTab)
    await answerAction(services, site, async (): Promise<Message> => renderUnlinked());
}
