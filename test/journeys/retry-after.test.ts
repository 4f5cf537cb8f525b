/**
 * After a 429 from RingCentral the app waits exactly as long as Retry-After says, not a whole
 * fresh window read from the 429's own `X-Rate-Limit-Remaining: 0`. The rate budget runs on a
 * fake clock, so a 20-second window takes no real time.
 */
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';

function fakeClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: async (ms: number) => {
      offset += ms;
    },
    advance: (ms: number) => {
      offset += ms;
    },
  };
}

describe('Retry-After is the authority after a 429', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('429s with Retry-After 20 for 20 s: lookups are answered right after the window', async () => {
    const clock = fakeClock();
    h = await startHarness({ deps: { rateBudget: { now: clock.now, sleep: clock.sleep } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);

    // RingCentral throttles this member for 20 s: every request in the window gets a 429.
    h.sandbox.faults.next({ status: 429, retryAfterSec: 20, count: 1000, path: /forwarding/ });
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toMatch(
      /slow down; try again in 20 seconds/,
    );
    clock.advance(8_000);
    // Inside the window the app does not knock again; it says how long is left.
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toMatch(/try again in 12 seconds/);
    expect(h.sandbox.countRequests({ path: /forwarding/ })).toBe(1);

    clock.advance(12_000);
    h.sandbox.faults.clear();
    clock.advance(1_000);
    // 21 s after the 429: answered (the old reading said "try again in 39 seconds").
    const after = shown(await h.command(PEOPLE.ana.id, 'forwarding'));
    expect(after).toContain('+1 650 555 0123');
    expect(after).not.toMatch(/slow down/);
  });

  it('a lookup made a few seconds before the window ends waits it out and is answered', async () => {
    const clock = fakeClock();
    h = await startHarness({ deps: { rateBudget: { now: clock.now, sleep: clock.sleep } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
    h.sandbox.faults.next({ status: 429, retryAfterSec: 20, path: /forwarding/ });
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toMatch(/slow down/);
    // 17 s in, 3 s are left: within what a single lookup may wait, so it waits and answers.
    clock.advance(17_000);
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toContain('+1 650 555 0123');
  });
});
