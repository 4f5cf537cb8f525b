import { ActionIds } from '../../src/blocks/ids';
import type { RecordedCall } from '../../src/slack-stand-in';
import { appHomeOpenedEvent, postEvent, teamJoinEvent } from '../../src/slack-stand-in';
import { checkBlockKitLimits } from '../blocks/block-kit-limits';
import { buttonByAction, shownText } from '../blocks/helpers';
import {
  type Harness,
  type HarnessOptions,
  linkUrlOf,
  PEOPLE,
  SIGNING_SECRET,
  startHarness,
} from '../support/harness';

const HOUR_MS = 60 * 60_000;

/** The DMs the app posted to one member (chat.postMessage to the member's id opens the DM). */
function dmsTo(h: Harness, userId: string): RecordedCall[] {
  return h.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.ok && call.args.channel === userId);
}

function dmOf(call: RecordedCall | undefined) {
  return { text: call?.args.text, blocks: call?.args.blocks ?? [] } as never;
}

/**
 * Sends an event and waits until the app has finished with it. Slack is answered before the
 * listener runs, and the listener registers its work before that answer reaches us.
 */
async function deliver(h: Harness, event: Record<string, unknown>): Promise<void> {
  const answer = await postEvent(h.appUrl, SIGNING_SECRET, event);
  expect(answer.status).toBe(200);
  await h.app.services.background.idle();
}

describe('the welcome DM on first contact', () => {
  it('goes to a new member once: across duplicate events, later visits and a restart', async () => {
    const h = await startHarness();
    h.slack.addUser({ id: 'UNEW', email: 'new.person@example.com' });
    await deliver(h, teamJoinEvent({ id: 'UNEW', email: 'new.person@example.com' }));
    const [welcome] = dmsTo(h, 'UNEW');
    expect(checkBlockKitLimits(dmOf(welcome))).toEqual([]);
    expect(shownText(dmOf(welcome))).toMatch(/Connect your RingCentral account/);
    const [connect] = buttonByAction(dmOf(welcome), ActionIds.connect);
    expect(await h.authorizeUrl(connect?.url ?? '')).toContain('/restapi/oauth/authorize');

    // Slack retries events; the member opens the app afterwards.
    await deliver(h, teamJoinEvent({ id: 'UNEW' }));
    await deliver(h, appHomeOpenedEvent({ userId: 'UNEW', tab: 'messages' }));
    await deliver(h, appHomeOpenedEvent({ userId: 'UNEW', tab: 'home' }));
    expect(dmsTo(h, 'UNEW')).toHaveLength(1);
    await h.close();

    const again = await startHarness({
      databasePath: h.databasePath,
      env: { TOKEN_ENCRYPTION_KEY: h.encryptionKey },
      existingSandbox: h.sandbox,
    });
    try {
      again.slack.addUser({ id: 'UNEW', email: 'new.person@example.com' });
      await deliver(again, appHomeOpenedEvent({ userId: 'UNEW', tab: 'home' }));
      await deliver(again, teamJoinEvent({ id: 'UNEW' }));
      expect(again.slack.homeView('UNEW')).toBeDefined();
      expect(dmsTo(again, 'UNEW')).toHaveLength(0);
    } finally {
      await again.close();
      await h.sandbox.close();
    }
  });

  describe('in one workspace', () => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness();
    });
    afterEach(async () => {
      await h.close();
    });

    it('goes to an existing member on their first visit to the app, once', async () => {
      await deliver(h, appHomeOpenedEvent({ userId: PEOPLE.ben.id, tab: 'home' }));
      await deliver(h, appHomeOpenedEvent({ userId: PEOPLE.ben.id, tab: 'home' }));
      expect(dmsTo(h, PEOPLE.ben.id)).toHaveLength(1);
    });

    it('never goes to bots, deactivated members, guests or members already linked', async () => {
      h.slack.addUser({ id: 'UBOT2', is_bot: true });
      h.slack.addUser({ id: 'UGUEST', is_restricted: true });
      h.slack.addUser({ id: 'UGONE', deleted: true });
      await deliver(h, teamJoinEvent({ id: 'UBOT2', isBot: true }));
      await deliver(h, teamJoinEvent({ id: 'UGUEST', isRestricted: true }));
      const gone = teamJoinEvent({ id: 'UGONE' }) as { user: Record<string, unknown> };
      await deliver(h, { ...gone, user: { ...gone.user, deleted: true } });
      await deliver(h, appHomeOpenedEvent({ userId: 'UGUEST', tab: 'home' }));
      await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
      await deliver(h, appHomeOpenedEvent({ userId: PEOPLE.ana.id, tab: 'messages' }));
      for (const id of ['UBOT2', 'UGUEST', 'UGONE', PEOPLE.ana.id]) {
        expect(dmsTo(h, id)).toHaveLength(0);
      }
    });
  });

  it('goes to guests when ONBOARD_GUESTS=true', async () => {
    const h = await startHarness({ env: { ONBOARD_GUESTS: 'true' } });
    try {
      h.slack.addUser({ id: 'UGUEST', is_restricted: true });
      await deliver(h, teamJoinEvent({ id: 'UGUEST', isRestricted: true }));
      expect(dmsTo(h, 'UGUEST')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe('the reminder a day after an unfinished link', () => {
  it('goes once to a member who opened the link and never finished, never to one who linked', async () => {
    let offset = 0;
    const options: HarnessOptions = {
      deps: { now: () => Date.now() + offset, reminders: { intervalMs: 0 } },
    };
    const first = await startHarness(options);
    const restart = async () => {
      const next = await startHarness({
        ...options,
        databasePath: first.databasePath,
        env: { TOKEN_ENCRYPTION_KEY: first.encryptionKey },
        existingSandbox: first.sandbox,
      });
      // The restarted app is up and answering.
      expect((await next.command(PEOPLE.ben.id, 'help')).text).toBeTruthy();
      return next;
    };
    const open = async (h: Harness, userId: string) =>
      h.authorizeUrl(linkUrlOf(await h.command(userId, 'link')) ?? '');

    // Ben opens the Connect button and walks away.
    await open(first, PEOPLE.ben.id);
    // Ana opens it and links; Dev links, then opens an old Connect button again.
    await first.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await first.link(PEOPLE.dev.id, 'dev.patel@example.com');
    await open(first, PEOPLE.dev.id);
    expect(await first.app.runDueReminders()).toBe(0);
    await first.close();

    // A restart loses nothing: a day later the reminder goes out, once.
    const second = await restart();
    offset = 25 * HOUR_MS;
    expect(await second.app.runDueReminders()).toBe(1);
    expect(await second.app.runDueReminders()).toBe(0);
    const reminders = dmsTo(second, PEOPLE.ben.id);
    expect(reminders).toHaveLength(1);
    expect(checkBlockKitLimits(dmOf(reminders[0]))).toEqual([]);
    expect(shownText(dmOf(reminders[0]))).toMatch(/did not finish/);
    expect(buttonByAction(dmOf(reminders[0]), ActionIds.connect)[0]?.url).toMatch(/^http/);
    expect(second.slack.callsTo('chat.postMessage')).toHaveLength(1);
    await second.close();

    // Nor does a restart repeat it.
    const third = await restart();
    try {
      expect(await third.app.runDueReminders()).toBe(0);
      expect(third.slack.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      await third.close();
      await first.sandbox.close();
    }
  });
});
