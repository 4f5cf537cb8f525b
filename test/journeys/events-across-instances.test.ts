/**
 * A RingCentral event reaches one instance (the webhook lands on one), yet every instance on
 * the database caches answers. The one that received it leaves a stale notice in the store;
 * another instance, a process of its own with the member's answer cached, forgets it within
 * about half a second, so the next answer is right whichever instance the question reaches.
 */
import { postSlashCommand } from '../../src/slack-stand-in';
import {
  type Harness,
  isProgress,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';
import { type AppProcess, removeAppBundle, spawnApp } from '../support/spawn-app';

const BEN_NUMBER = '+16503316253';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('events reach every instance', () => {
  let h: Harness;
  let other: AppProcess;
  let sequence = 0;
  const { ana, ben } = PEOPLE;

  /** Asks the other instance, as `userId`, and resolves with its final answer. */
  async function askOther(userId: string, text: string): Promise<string> {
    const id = `other-${++sequence}`;
    await postSlashCommand(other.url, SIGNING_SECRET, {
      text,
      user_id: userId,
      team_id: TEAM_ID,
      response_url: h.slack.responseUrl(id),
    });
    const { body } = await h.slack.waitForResponse(id, (reply) => !isProgress(reply), 10_000);
    return shown(body);
  }

  beforeAll(async () => {
    h = await startHarness({
      env: { RC_EVENTS: 'webhook' },
      deps: { events: { checkEveryMs: 0 } },
    });
    await h.link(ana.id, ana.email);
    await h.app.runUpkeep();
    // Ben links after the upkeep round: no subscription, so nothing tells anyone his moved.
    await h.link(ben.id, ben.email);
    // Configured like the first: webhook events, which are what stale notices are for.
    other = await spawnApp(h, { RC_EVENTS: 'webhook' });
  });
  afterAll(async () => {
    await other?.kill();
    await h?.close();
    removeAppBundle();
  });

  it('a number moved reaches the next answer on the other instance within a second', async () => {
    for (const who of [ana, ben]) {
      // The whole directory first (what `find` reads), so no listing is still being read later.
      expect(await askOther(who.id, 'find okafor')).toContain('Ben Okafor');
      expect(await askOther(who.id, BEN_NUMBER)).toContain('Ben Okafor');
    }
    // Cached there: asking again costs RingCentral nothing.
    h.sandbox.resetRequests();
    expect(await askOther(ana.id, BEN_NUMBER)).toContain('Ben Okafor');
    expect(h.sandbox.requests.filter((r) => r.group !== null)).toHaveLength(0);

    const moved = Date.now();
    // RingCentral's event goes to this instance (the subscription's address), not the other.
    expect(await h.sandbox.reassignNumber(BEN_NUMBER, '107')).toBeGreaterThanOrEqual(1);
    let answer = '';
    while (Date.now() - moved < 3_000) {
      answer = await askOther(ana.id, BEN_NUMBER);
      if (answer.includes('Dev Patel')) break;
      await sleep(50);
    }
    const elapsed = Date.now() - moved;
    console.log(`stale notice: the other instance answered afresh ${elapsed} ms after the move`);
    expect(answer).toContain('Dev Patel');
    expect(answer).not.toContain('Ben Okafor');
    expect(elapsed).toBeLessThan(1_000);
    // No event for Ben, so no notice: his answer there still ages by time alone.
    expect(await askOther(ben.id, BEN_NUMBER)).toContain('Ben Okafor');
    await h.sandbox.reassignNumber(BEN_NUMBER, '105');
  });

  it('the other instance reads a regular user’s whole directory on its listing worker', async () => {
    // `find` needs the whole directory listing, which a process of its own builds off its loop.
    expect(await askOther(ana.id, 'find okafor')).toContain('Ben Okafor');
  });
});
