import { identityKeyOf } from '../../src/ringcentral/user-session';
import type { MemberKey } from '../../src/store/types';
import { type Harness, PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';

const john = { teamId: TEAM_ID, userId: PEOPLE.john.id };
const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };
/** The extension list (an admin's `find` reads it whole: one page in the guide company). */
const EXTENSION_LIST = /^\/restapi\/v1\.0\/account\/~\/extension$/;

describe('unlinking and relinking leave no answer of the old identity in the cache', () => {
  let h: Harness;
  beforeEach(async () => {
    // Relinking as someone else needs the second confirmation (a mismatch of emails).
    h = await startHarness({ env: { LINK_EMAIL_MATCH: 'confirm' } });
  });
  afterEach(async () => {
    await h.close();
  });

  async function linked(userId: string, who: string): Promise<void> {
    await h.link(userId, who);
    await h.slack.waitFor('views.publish', (args) => args.user_id === userId);
    await h.app.services.background.idle();
  }

  async function keyOf(member: MemberKey): Promise<string> {
    const link = await h.links.getLink(member);
    if (!link) throw new Error(`${member.userId} is not linked`);
    return identityKeyOf(link.identity);
  }

  it('a listing that finishes after the unlink is answered but not kept; the relink reads afresh', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    const key = await keyOf(john);
    const held = h.sandbox.faults.hold(EXTENSION_LIST);
    const asked = h.command(PEOPLE.john.id, 'find smith');
    // RingCentral has served the listing under John's token; its answer is still on the way.
    await held.reached;

    expect(shown(await h.command(PEOPLE.john.id, 'unlink'))).toMatch(/unlinked|disconnected/i);
    held.release();
    // He asked before unlinking, so he gets his answer...
    expect(shown(await asked)).toContain('John Smith');
    // ...but the cache holds nothing of the identity he unlinked.
    expect(h.app.services.cache.countOf(key)).toBe(0);

    await linked(PEOPLE.john.id, 'john.smith@example.com');
    expect(await keyOf(john)).toBe(key);
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.john.id, 'find smith'))).toContain('John Smith');
    expect(h.sandbox.countRequests({ path: EXTENSION_LIST, status: 200 })).toBe(1);
  });

  it('a relink forgets the replaced identity, including a listing still in flight', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    const key = await keyOf(john);
    await h.command(PEOPLE.john.id, 'ext 105');
    const held = h.sandbox.faults.hold(EXTENSION_LIST);
    const asked = h.command(PEOPLE.john.id, 'find smith');
    await held.reached;

    // Linking again replaces the link (and ends its session) while the listing is on its way.
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    held.release();
    expect(shown(await asked)).toContain('John Smith');
    const cache = h.app.services.cache;
    expect(cache.peek(key, 'find')).toBeUndefined();
    expect(cache.peek(key, 'extensions')).toBeUndefined();

    // What was cached before the relink is read again with the new link's token.
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.john.id);
    await h.app.services.background.idle();
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.john.id, 'ext 105'))).toContain('Ben Okafor');
    expect(h.sandbox.countRequests({ path: EXTENSION_LIST, status: 200 })).toBe(1);
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.john.id, 'find smith'))).toContain('John Smith');
    expect(h.sandbox.countRequests({ path: EXTENSION_LIST, status: 200 })).toBe(1);
  });

  it('a member relinking as someone else leaves nothing of the first identity', async () => {
    await linked(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const anaKey = await keyOf(ana);
    await h.command(PEOPLE.ana.id, 'find ben');
    expect(h.app.services.cache.countOf(anaKey)).toBeGreaterThan(0);

    expect((await h.linkConfirmed(PEOPLE.ana.id, 'john.smith@example.com')).status).toBe(200);
    await h.app.services.background.idle();
    expect(await keyOf(ana)).not.toBe(anaKey);
    expect(h.app.services.cache.countOf(anaKey)).toBe(0);
  });

  it('one member unlinking leaves other identities’ answers cached', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    await linked(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.command(PEOPLE.john.id, 'find smith');
    await h.command(PEOPLE.ana.id, 'find ben');
    const johnKey = await keyOf(john);
    const before = h.app.services.cache.countOf(johnKey);

    await h.command(PEOPLE.ana.id, 'unlink');
    expect(h.app.services.cache.countOf(johnKey)).toBe(before);
    h.sandbox.resetRequests();
    await h.command(PEOPLE.john.id, 'find smith');
    expect(h.sandbox.countRequests()).toBe(0);
  });
});
