// A regular user's cold question is answered by one targeted directory search, the directory
// is read behind it, and the answers are the same as those the whole directory gives.
import { identityKeyOf } from '../../src/ringcentral/user-session';
import { type Harness, PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';

const SEARCH = /\/directory\/entries\/search$/;
const DIRECTORY_PAGES = /\/directory\/entries$/;

/** The answer without its buttons (signed values differ between two replies). */
const answerText = async (h: Harness, userId: string, text: string) =>
  shown(await h.command(userId, text)).replace(/"value":"[^"]*"/g, '');

describe('targeted lookups for regular users', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.app.services.background.idle();
    h.sandbox.resetRequests();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers a cold full number with one search, then warms the directory for the next', async () => {
    const cold = await answerText(h, PEOPLE.ana.id, '+1 650 331 6253');
    expect(cold).toContain('Ben Okafor');
    expect(h.sandbox.countRequests({ path: SEARCH })).toBe(1);
    expect(h.sandbox.countRequests({ path: DIRECTORY_PAGES })).toBeLessThanOrEqual(1);
    await h.app.services.background.idle();
    expect(h.sandbox.countRequests({ path: DIRECTORY_PAGES })).toBeGreaterThanOrEqual(1);
    h.sandbox.resetRequests();
    // The same question from the warmed directory: no request, the same answer.
    expect(await answerText(h, PEOPLE.ana.id, '+1 650 331 6253')).toBe(cold);
    expect(h.sandbox.countRequests()).toBe(0);
  });

  it('gives the same answers as the whole directory: own number, main number, none', async () => {
    const queries = ['+1 650 331 6252', '+1 855 544 0014', '+1 212 555 0000', '650331'];
    const link = await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id });
    const key = identityKeyOf(link?.identity ?? ({} as never));
    const targeted: string[] = [];
    for (const query of queries) {
      h.sandbox.resetRequests();
      targeted.push(await answerText(h, PEOPLE.ana.id, query));
      expect(h.sandbox.countRequests({ path: SEARCH })).toBeGreaterThanOrEqual(1);
      // Each cold: the warmed directory is forgotten before the next question.
      await h.app.services.background.idle();
      h.app.services.cache.forgetIdentity(key);
    }
    await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    await h.app.services.background.idle();
    h.sandbox.resetRequests();
    for (const [i, query] of queries.entries()) {
      expect(await answerText(h, PEOPLE.ana.id, query)).toBe(targeted[i]);
    }
    expect(h.sandbox.countRequests({ path: SEARCH })).toBe(0);
    expect(targeted[0]).toContain('Ana Ruiz');
    expect(targeted[1]).toContain('MainCompanyNumber');
    expect(targeted[3]).toContain('+1 650 331 6253');
  });

  it('reads the whole directory instead when the Heavy budget keeps no room', async () => {
    await h.close();
    h = await startHarness({ deps: { rateBudget: { limits: { Heavy: 3 } } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    h.sandbox.resetRequests();
    expect(await answerText(h, PEOPLE.ana.id, '+1 650 331 6253')).toContain('Ben Okafor');
    expect(h.sandbox.countRequests({ path: SEARCH })).toBe(0);
    expect(h.sandbox.countRequests({ path: DIRECTORY_PAGES })).toBeGreaterThanOrEqual(1);
  });
});
