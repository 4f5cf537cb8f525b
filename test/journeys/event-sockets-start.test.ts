// A process that starts with many links opens their event sockets a few at a time: each asks
// RingCentral for a WebSocket token (and may refresh an idle link's token first), so opening
// them all at once would be a burst at RingCentral.
import { OPENS_AT_ONCE } from '../../src/ringcentral/event-sockets';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import type { RecordedRequest } from '../../src/sandbox/types';
import { type Harness, PEOPLE, startHarness } from '../support/harness';
import { within } from '../support/wait';

const WSTOKEN = /\/restapi\/oauth\/wstoken$/;

/** The most requests the sandbox was answering at one moment. */
function peakInFlight(requests: readonly RecordedRequest[]): number {
  const edges = requests.flatMap((r) => [
    { at: r.at, step: 1 },
    { at: r.answeredAt ?? Number.POSITIVE_INFINITY, step: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let now = 0;
  let peak = 0;
  for (const edge of edges) {
    now += edge.step;
    peak = Math.max(peak, now);
  }
  return peak;
}

describe('event sockets at start', () => {
  let sandbox: Sandbox;
  let h: Harness | undefined;
  const people = [PEOPLE.john, PEOPLE.ana, PEOPLE.ben, PEOPLE.dev, PEOPLE.lena];

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox.close();
  });

  it(`asks for at most ${OPENS_AT_ONCE} WebSocket tokens at once`, async () => {
    expect(people.length).toBeGreaterThan(OPENS_AT_ONCE);
    // Linked while events were off: no socket yet.
    const before = await startHarness({ existingSandbox: sandbox });
    for (const person of people) await before.link(person.id, person.email);
    await before.close();
    sandbox.resetRequests();
    // Each answer takes a while, so that attempts started together overlap at the sandbox.
    sandbox.faults.delayMs = 200;
    h = await startHarness({
      existingSandbox: sandbox,
      databasePath: before.databasePath,
      env: { TOKEN_ENCRYPTION_KEY: before.encryptionKey, RC_EVENTS: 'websocket' },
    });
    const all = people.length;
    expect(
      await within(
        () => sandbox.openEventSockets() === all && sandbox.subscriptions.size === all,
        10_000,
      ),
    ).toBe(true);
    const wstokens = sandbox.requests.filter((r) => WSTOKEN.test(r.path));
    expect(wstokens).toHaveLength(all);
    expect(peakInFlight(wstokens)).toBeLessThanOrEqual(OPENS_AT_ONCE);
    // A few at a time, still: not one after another.
    expect(peakInFlight(wstokens)).toBeGreaterThan(1);
    sandbox.faults.delayMs = 0;
  });
});
