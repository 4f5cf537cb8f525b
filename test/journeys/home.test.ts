import type { AnyBlock } from '@slack/types';
import { ActionIds } from '../../src/blocks/ids';
import type { SlackView } from '../../src/slack-stand-in';
import { appHomeOpenedEvent, postEvent } from '../../src/slack-stand-in';
import { checkBlockKitLimits } from '../blocks/block-kit-limits';
import { buttonByAction, shownText } from '../blocks/helpers';
import { type Harness, PEOPLE, SIGNING_SECRET, startHarness, TEAM_ID } from '../support/harness';

const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };

/** Runs `action` and resolves with the Home tab it made the app publish for `userId`. */
async function publishedBy(
  h: Harness,
  userId: string,
  action: () => Promise<unknown>,
): Promise<SlackView & { blocks: AnyBlock[] }> {
  const earlier = new Set(h.slack.callsTo('views.publish'));
  await action();
  await h.slack.waitFor(
    'views.publish',
    (args, call) => args.user_id === userId && call.ok && !earlier.has(call),
    10_000,
  );
  const view = h.slack.homeView(userId);
  if (!view) throw new Error(`no Home tab for ${userId}`);
  expect(checkBlockKitLimits(view)).toEqual([]);
  return view as SlackView & { blocks: AnyBlock[] };
}

/** Links through the real OAuth flow and waits for the Home tab that linking publishes. */
function link(h: Harness, userId: string, who: string) {
  return publishedBy(h, userId, () => h.link(userId, who));
}

function openHome(h: Harness, userId: string) {
  return postEvent(h.appUrl, SIGNING_SECRET, appHomeOpenedEvent({ userId, tab: 'home' }));
}

describe('the Home tab', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('not linked: says what the app does and has a Connect button that leads to RingCentral', async () => {
    const view = await publishedBy(h, PEOPLE.ana.id, () => openHome(h, PEOPLE.ana.id));
    expect(shownText(view)).toMatch(/who owns a number/);
    const [connect] = buttonByAction(view, ActionIds.connect);
    expect(connect?.url?.startsWith(h.appUrl)).toBe(true);
    expect(await h.authorizeUrl(connect?.url ?? '')).toContain('/restapi/oauth/authorize');
    expect(buttonByAction(view, ActionIds.unlink)).toHaveLength(0);
  });

  it('linked: who, own numbers and forwarding, Search and Unlink; republished after link and unlink', async () => {
    const linked = await link(h, PEOPLE.ana.id, 'ana.ruiz@example.com');
    const text = shownText(linked);
    expect(text).toContain('Ana Ruiz');
    expect(text).toContain('ext 104');
    expect(text).toContain('Your numbers');
    expect(text).toContain('Forwarding');
    // The same numbers and forwarding numbers `/rcnumber` shows her, under her own token.
    const numbers = shownText(await h.command(PEOPLE.ana.id, 'numbers'));
    const forwarding = shownText(await h.command(PEOPLE.ana.id, 'forwarding'));
    const phones = (s: string) => [...new Set(s.match(/\+1 \d{3} \d{3} \d{4}/g))];
    expect(phones(numbers).length).toBeGreaterThan(0);
    for (const phone of [...phones(numbers), ...phones(forwarding)]) expect(text).toContain(phone);
    expect(buttonByAction(linked, ActionIds.openSearch)).toHaveLength(1);
    expect(buttonByAction(linked, ActionIds.unlink)).toHaveLength(1);
    expect(buttonByAction(linked, ActionIds.connect)).toHaveLength(0);

    const reopened = await publishedBy(h, PEOPLE.ana.id, () => openHome(h, PEOPLE.ana.id));
    expect(shownText(reopened)).toContain('Ana Ruiz');
    // Search opens the lookup modal.
    await h.press(PEOPLE.ana.id, ActionIds.openSearch, '', { view: reopened });
    await h.slack.waitFor('views.open', (_args, call) => call.ok);

    // Unlink from the Home tab's own button: the tab turns back into the Connect view.
    const unlinked = await publishedBy(h, PEOPLE.ana.id, () =>
      h.press(PEOPLE.ana.id, ActionIds.unlink, '', { view: reopened }),
    );
    expect(await h.links.getLink(ana)).toBeNull();
    expect(shownText(unlinked)).not.toContain('Ana Ruiz');
    expect(buttonByAction(unlinked, ActionIds.connect)).toHaveLength(1);
  });

  it('republishes after `/rcnumber unlink` too', async () => {
    await link(h, PEOPLE.ana.id, 'ana.ruiz@example.com');
    const unlinked = await publishedBy(h, PEOPLE.ana.id, () => h.command(PEOPLE.ana.id, 'unlink'));
    expect(buttonByAction(unlinked, ActionIds.connect)).toHaveLength(1);
  });

  it('broken link: says why, and offers Reconnect', async () => {
    await link(h, PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.links.markBroken(ana, 'RingCentral refused the refresh token');
    const view = await publishedBy(h, PEOPLE.ana.id, () => openHome(h, PEOPLE.ana.id));
    expect(shownText(view)).toContain('RingCentral refused the refresh token');
    const [reconnect] = buttonByAction(view, ActionIds.reconnect);
    expect(await h.authorizeUrl(reconnect?.url ?? '')).toContain('/restapi/oauth/authorize');
    expect(buttonByAction(view, ActionIds.unlink)).toHaveLength(0);
  });

  it('still shows the link when RingCentral fails to answer part of it', async () => {
    await link(h, PEOPLE.ana.id, 'ana.ruiz@example.com');
    h.sandbox.faults.next({ status: 503, path: /forwarding-number/, count: 10 });
    const view = await publishedBy(h, PEOPLE.ana.id, () => openHome(h, PEOPLE.ana.id));
    expect(shownText(view)).toContain('Ana Ruiz');
    expect(shownText(view)).toMatch(/forwarding numbers could not be read/);
    h.sandbox.faults.clear();
  });

  it('shows each member their own link only', async () => {
    await link(h, PEOPLE.ana.id, 'ana.ruiz@example.com');
    await link(h, PEOPLE.ben.id, 'ben.okafor@example.com');
    const ben = shownText(await publishedBy(h, PEOPLE.ben.id, () => openHome(h, PEOPLE.ben.id)));
    expect(ben).toContain('Ben Okafor');
    expect(ben).not.toContain('Ana Ruiz');
  });
});
