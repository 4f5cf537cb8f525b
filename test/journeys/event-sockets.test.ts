// Where RingCentral cannot reach the app (Socket Mode behind a firewall), RingCentral's WebSocket
// subscriptions carry its events: each linked identity gets one socket, opened with its own
// token, whose events make only that identity's cached answers go. Unlinking closes it, a
// dropped socket comes back, a refused WebSocket token neither crashes nor loops, and /metrics
// counts the events and invalidations.
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';
import { within } from '../support/wait';

const BEN_NUMBER = '+16503316253';
const JOHN_EXT = '159048008';
const SOCKETS = { firstRetryMs: 100, refusedRetryMs: 2_000, maxRetryMs: 5_000 };

describe('answers kept fresh by RingCentral WebSocket events', () => {
  let h: Harness;
  const { john, ana, ben } = PEOPLE;
  const invalidations = () => h.app.services.counters.value('cache_invalidations');
  const answerOf = async (who: string) => shown(await h.command(who, BEN_NUMBER));

  beforeAll(async () => {
    h = await startHarness({
      env: { RC_EVENTS: 'websocket' },
      deps: { eventSockets: SOCKETS },
    });
    await h.link(john.id, john.email);
    await h.link(ana.id, ana.email);
    // Open, and subscribed over each socket (the subscription follows the connection).
    await within(
      () => h.sandbox.openEventSockets() === 2 && h.sandbox.subscriptions.size === 2,
      5_000,
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it('opens one socket per linked identity, with its own token, and no webhook', async () => {
    expect(h.sandbox.openEventSockets(john.hint)).toBe(1);
    expect(h.sandbox.openEventSockets(ana.hint)).toBe(1);
    const subscriptions = [...h.sandbox.subscriptions.values()];
    expect(subscriptions.map((s) => s.transportType)).toEqual(['WebSocket', 'WebSocket']);
    expect(subscriptions[0]?.eventFilters).toEqual([
      '/restapi/v1.0/account/~/extension',
      '/restapi/v1.0/account/~/extension/~',
    ]);
    // Each made by its own extension: RingCentral decides what each may hear.
    expect(new Set(subscriptions.map((s) => s.extensionId)).size).toBe(2);
    expect(h.app.services.eventSockets.size).toBe(2);
  });

  it('a reassigned number reaches the next answer within a second, while the cache is warm', async () => {
    for (const who of [john, ana]) expect(await answerOf(who.id)).toContain('Ben Okafor');
    const before = invalidations();
    const moved = Date.now();
    await h.sandbox.reassignNumber(BEN_NUMBER, '107');
    let anaNow = '';
    const fresh = await within(async () => {
      anaNow = await answerOf(ana.id);
      return anaNow.includes('Dev Patel');
    }, 1_000);
    expect(fresh).toBe(true);
    expect(Date.now() - moved).toBeLessThan(1_500);
    expect(anaNow).not.toContain('Ben Okafor');
    expect(await answerOf(john.id)).toContain('Dev Patel');
    expect(invalidations()).toBeGreaterThanOrEqual(before + 2);
    await h.sandbox.reassignNumber(BEN_NUMBER, '105');
    await within(async () => (await answerOf(ana.id)).includes('Ben Okafor'), 1_000);
  });

  it('one identity’s event leaves the other identity’s cache alone', async () => {
    await answerOf(john.id);
    await answerOf(ana.id);
    await h.app.services.background.idle();
    const before = invalidations();
    // Only Ana's own-extension subscription names her extension.
    expect(await h.sandbox.changeExtension(ana.hint)).toBe(1);
    expect(await within(() => invalidations() === before + 1, 1_000)).toBe(true);
    const johnRequests = () => h.sandbox.countRequests({ extensionId: JOHN_EXT });
    const sent = johnRequests();
    expect(await answerOf(john.id)).toContain('Ben Okafor');
    // John's answer came from his cache: nothing was asked of RingCentral for him.
    expect(johnRequests()).toBe(sent);
  });

  it('a socket the sandbox drops comes back, and events flow again', async () => {
    expect(h.sandbox.dropEventSockets(john.hint)).toBe(1);
    expect(await within(() => h.sandbox.openEventSockets(john.hint) === 1, 5_000)).toBe(true);
    await answerOf(john.id);
    await h.sandbox.reassignNumber(BEN_NUMBER, '107');
    expect(await within(async () => (await answerOf(john.id)).includes('Dev Patel'), 1_000)).toBe(
      true,
    );
    await h.sandbox.reassignNumber(BEN_NUMBER, '105');
    await within(async () => (await answerOf(john.id)).includes('Ben Okafor'), 1_000);
  });

  it('a refused WebSocket token is logged and retried slowly, and answers still work', async () => {
    h.sandbox.setAppPermissions(['ReadAccounts', 'ReadPresence']);
    const wstokens = () => h.sandbox.countRequests({ path: /\/restapi\/oauth\/wstoken$/ });
    const asked = wstokens();
    await h.link(ben.id, ben.email);
    expect(await within(() => wstokens() > asked, 2_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // One refusal, then a wait of seconds, not a loop.
    expect(wstokens() - asked).toBe(1);
    expect(h.logs.join('')).toContain('RingCentral refused the event socket');
    expect(h.logs.join('')).not.toMatch(/access_token=[^…]/);
    // Time-based freshness still answers him.
    expect(await answerOf(ben.id)).toContain('Ben Okafor');
    h.sandbox.setAppPermissions(['ReadAccounts', 'ReadPresence', 'WebSocketsSubscriptions']);
    expect(await within(() => h.sandbox.openEventSockets(ben.hint) === 1, 6_000)).toBe(true);
  });

  it('serves the events, invalidations and sockets on /metrics', async () => {
    const text = await (await fetch(`${h.appUrl}/metrics`)).text();
    const value = (line: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${line} `))
          ?.slice(line.length + 1),
      );
    expect(value('rcnumber_ringcentral_events_total{outcome="received"}')).toBeGreaterThan(3);
    expect(value('rcnumber_ringcentral_events_total{outcome="refused"}')).toBe(0);
    expect(value('rcnumber_cache_invalidations_total')).toBeGreaterThan(3);
    expect(value('rcnumber_event_sockets')).toBe(3);
  });

  it('unlinking closes that identity’s socket, and its events no longer reach the app', async () => {
    await h.command(ana.id, 'unlink');
    expect(await within(() => h.sandbox.openEventSockets(ana.hint) === 0, 2_000)).toBe(true);
    expect(h.app.services.eventSockets.size).toBe(2);
    const before = invalidations();
    // Her socket is gone at the sandbox too: nothing is subscribed for her any more.
    expect(await h.sandbox.changeExtension(ana.hint)).toBe(0);
    await h.sandbox.reassignNumber(BEN_NUMBER, '107');
    // Two events (the extension the number left, the one it joined), heard by John and Ben.
    await within(() => invalidations() >= before + 4, 1_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(invalidations()).toBe(before + 4);
    await h.sandbox.reassignNumber(BEN_NUMBER, '105');
  });
});

describe('stopping the app', () => {
  it('closes every socket', async () => {
    const h = await startHarness({ env: { RC_EVENTS: 'websocket' } });
    const sandbox = h.sandbox;
    let closedAfter = -1;
    try {
      await h.link(PEOPLE.john.id, PEOPLE.john.email);
      expect(
        await within(
          () => sandbox.openEventSockets() === 1 && sandbox.subscriptions.size === 1,
          5_000,
        ),
      ).toBe(true);
      await h.app.stop();
      await within(() => sandbox.openEventSockets() === 0, 2_000);
      closedAfter = sandbox.openEventSockets();
      // Its subscription was deleted over the socket before it closed.
      expect(sandbox.subscriptions.size).toBe(0);
    } finally {
      await h.close();
    }
    expect(closedAfter).toBe(0);
  });
});
