/**
 * A refresh that meets a fault at the token endpoint never loses the link: a 5xx or a lost
 * answer is tried again with the same refresh token (RingCentral returns the same new pair for
 * it), and if RingCentral keeps failing the member is told to try again, with the link intact.
 * Only a 400 invalid_grant breaks a link (token-refresh.test.ts).
 */
import { type Harness, PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';

const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };
const TOKEN = /oauth\/token$/;

describe('faults at the token endpoint during a refresh', () => {
  let h: Harness;
  beforeAll(async () => {
    // No answer cache: every command below must reach RingCentral.
    h = await startHarness({ deps: { cache: { maxBytes: 1 } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => h.sandbox.faults.clear());

  const refreshes = () => h.sandbox.countRequests({ path: TOKEN });

  it('one 503 during a refresh: tried again, answered, link intact', async () => {
    h.sandbox.expireAccessTokens();
    h.sandbox.faults.next({ status: 503, path: TOKEN });
    const before = refreshes();
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toContain('+1 650 555 0123');
    expect(refreshes() - before).toBe(2);
    expect((await h.links.getLink(ana))?.status).toBe('active');
  });

  it('a pair rotated at RingCentral whose answer was lost: the old token gets the same pair', async () => {
    h.sandbox.expireAccessTokens();
    h.sandbox.faults.next({ kind: 'lost', path: TOKEN });
    const reuse = h.sandbox.spentRefreshTokenReuse();
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toContain('+1 650 555 0123');
    expect(h.sandbox.spentRefreshTokenReuse()).toBe(reuse);
    expect((await h.links.getLink(ana))?.status).toBe('active');
  });

  it('the token endpoint keeps answering 500: "try again", the link stays, and later it answers', async () => {
    h.sandbox.expireAccessTokens();
    h.sandbox.faults.next({ status: 500, path: TOKEN, count: 100 });
    const reply = shown(await h.command(PEOPLE.ana.id, 'forwarding'));
    expect(reply).toMatch(/RingCentral did not answer; try again in 30 seconds/);
    expect(reply).not.toMatch(/oauth\/ringcentral\/start|reconnect/i);
    expect((await h.links.getLink(ana))?.status).toBe('active');
    h.sandbox.faults.clear();
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toContain('+1 650 555 0123');
  });

  it('a 401 from the API with tokens just refreshed elsewhere is not taken for a revoked link', async () => {
    // Two 401s in a row: the first is met with a refresh, the second with one more.
    h.sandbox.faults.next({ status: 401, path: /forwarding-number/, count: 2 });
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toContain('+1 650 555 0123');
    expect((await h.links.getLink(ana))?.status).toBe('active');
  });
});
