import { identityKeyOf } from '../../src/ringcentral/user-session';
import { type Harness, PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';

const john = { teamId: TEAM_ID, userId: PEOPLE.john.id };
const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };
const SELF = /^\/restapi\/v1\.0\/account\/~\/extension\/~$/;
const EXTENSION_LIST = /^\/restapi\/v1\.0\/account\/~\/extension$/;

/** The prompts onboard sent: DMs opened with the member (chat.postMessage to their id). */
function dmsTo(h: Harness, userId: string): number {
  return h.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.ok && call.args.channel === userId).length;
}

/** RingCentral API requests (OAuth ones left out) since the last reset. */
function apiRequests(h: Harness) {
  return h.sandbox.requests.filter((r) => !r.path.startsWith('/restapi/oauth/'));
}

describe('admin-only commands ask RingCentral about the role at the moment of use', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function linked(userId: string, who: string): Promise<void> {
    await h.link(userId, who);
    // The Home tab is published after linking; let it finish before counting requests.
    await h.slack.waitFor('views.publish', (args) => args.user_id === userId);
    await h.app.services.background.idle();
  }

  it('refuses onboard to an admin demoted since linking, and prompts no one', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    expect((await h.links.getLink(john))?.identity.isAdmin).toBe(true);
    h.sandbox.setAdmin('101', false);
    h.sandbox.resetRequests();

    const reply = await h.command(PEOPLE.john.id, 'onboard <@UBEN>');
    expect(shown(reply)).toMatch(/Only RingCentral admins can send the link prompt/);
    expect(dmsTo(h, PEOPLE.ben.id)).toBe(0);
    expect(h.slack.callsTo('conversations.open')).toHaveLength(0);
    expect(
      (await h.members.getMember({ teamId: TEAM_ID, userId: PEOPLE.ben.id }))?.lastPromptedAt,
    ).toBeFalsy();
    // The refusal is logged with ids, and the link now says what RingCentral says.
    expect(h.logs.join('')).toMatch(/"userId":"UJOHN".*admin-only command refused/);
    expect((await h.links.getLink(john))?.identity.isAdmin).toBe(false);
    expect(shown(await h.command(PEOPLE.john.id, 'me'))).toMatch(/Regular user/);
  });

  it('a refusal to an admin demoted since linking switches them to their new role at once', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    expect(shown(await h.command(PEOPLE.john.id, 'forwarding 105'))).toContain('Ben Okafor');
    h.sandbox.setAdmin('101', false);
    h.sandbox.resetRequests();

    const reply = shown(await h.command(PEOPLE.john.id, 'forwarding 104'));
    expect(reply).toMatch(/role does not allow reading other people's forwarding numbers/);
    // RingCentral's refusal made the app ask who John is now: the link follows at once, and
    // what he saw as an administrator is no longer what he is answered from.
    expect(h.sandbox.requests.filter((r) => SELF.test(r.path))).toHaveLength(1);
    expect((await h.links.getLink(john))?.identity.isAdmin).toBe(false);
    const identity = (await h.links.getLink(john))?.identity;
    if (!identity) throw new Error('John is linked');
    expect(h.app.services.cache.countOf(identityKeyOf({ ...identity, isAdmin: true }))).toBe(0);
    expect(shown(await h.command(PEOPLE.john.id, 'me'))).toMatch(/Regular user/);

    // A regular member's refusal is what their role means: nothing is asked again.
    await linked(PEOPLE.ana.id, 'ana.ruiz@example.com');
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding 105'))).toMatch(/role does not allow/);
    expect(h.sandbox.requests.filter((r) => SELF.test(r.path))).toHaveLength(0);
  });

  it('lets a member promoted since linking onboard at once', async () => {
    await linked(PEOPLE.ana.id, 'ana.ruiz@example.com');
    expect(shown(await h.command(PEOPLE.ana.id, 'onboard <@UBEN>'))).toMatch(/Only RingCentral/);
    h.sandbox.setAdmin('104', true);

    const reply = await h.command(PEOPLE.ana.id, 'onboard <@UBEN>');
    expect(reply.text).toBe('Sent to 1');
    expect(dmsTo(h, PEOPLE.ben.id)).toBe(1);
    expect((await h.links.getLink(ana))?.identity.isAdmin).toBe(true);
  });

  it('costs exactly one Light request, under the asker’s own token', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    h.sandbox.resetRequests();

    expect((await h.command(PEOPLE.john.id, 'onboard <@UBEN>')).text).toBe('Sent to 1');
    const requests = apiRequests(h);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ group: 'Light', status: 200, extensionId: '159048008' });
    expect(requests[0]?.path).toMatch(SELF);
    // The refusal costs the same one request.
    h.sandbox.setAdmin('101', false);
    h.sandbox.resetRequests();
    await h.command(PEOPLE.john.id, 'onboard <@UBEN>');
    expect(apiRequests(h)).toHaveLength(1);
    expect(h.sandbox.countRequests({ group: 'Light', path: SELF })).toBe(1);
  });

  it('drops what was cached for the admin once the demotion is seen', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    const link = await h.links.getLink(john);
    if (!link) throw new Error('not linked');
    const adminKey = identityKeyOf(link.identity);
    expect(shown(await h.command(PEOPLE.john.id, 'find smith'))).toContain('John Smith');
    expect(h.app.services.cache.countOf(adminKey)).toBeGreaterThan(0);

    h.sandbox.setAdmin('101', false);
    await h.command(PEOPLE.john.id, 'onboard <@UBEN>');
    expect(h.app.services.cache.countOf(adminKey)).toBe(0);

    // The next answer is read again, as the regular user John now is.
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.john.id, 'find smith'))).toContain('John Smith');
    expect(h.sandbox.countRequests({ path: /\/directory\/entries$/ })).toBe(1);
    expect(h.sandbox.countRequests({ path: EXTENSION_LIST })).toBe(0);
  });

  it('refuses, rather than "ask again", when a token refresh on the way finds the demotion', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    h.sandbox.setAdmin('101', false);
    h.sandbox.expireAccessTokens('159048008');

    const reply = await h.command(PEOPLE.john.id, 'onboard <@UBEN>');
    expect(shown(reply)).toMatch(/Only RingCentral admins can send the link prompt/);
    expect(h.sandbox.refreshCount()).toBe(1);
    expect(dmsTo(h, PEOPLE.ben.id)).toBe(0);
    expect((await h.links.getLink(john))?.identity.isAdmin).toBe(false);
  });

  it('drops the old identity’s answers when a token refresh finds a promotion', async () => {
    await linked(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const link = await h.links.getLink(ana);
    if (!link) throw new Error('not linked');
    const regularKey = identityKeyOf(link.identity);
    await h.command(PEOPLE.ana.id, 'find ben');
    expect(h.app.services.cache.countOf(regularKey)).toBeGreaterThan(0);

    h.sandbox.setAdmin('104', true);
    h.sandbox.expireAccessTokens('435068008');
    await h.command(PEOPLE.ana.id, 'forwarding');
    expect((await h.links.getLink(ana))?.identity.isAdmin).toBe(true);
    expect(h.app.services.cache.countOf(regularKey)).toBe(0);
  });

  it('asks a member whose link broke to reconnect, without prompting anyone', async () => {
    await linked(PEOPLE.john.id, 'john.smith@example.com');
    await h.links.markBroken(john, 'RingCentral refused the refresh token');
    h.sandbox.resetRequests();
    const reply = await h.command(PEOPLE.john.id, 'onboard <@UBEN>');
    expect(shown(reply)).toMatch(/reconnect/i);
    expect(apiRequests(h)).toHaveLength(0);
    expect(dmsTo(h, PEOPLE.ben.id)).toBe(0);
  });
});
