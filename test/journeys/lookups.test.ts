import { type Harness, linkUrlOf, PEOPLE, shown, startHarness } from '../support/harness';

describe('lookups under each member’s own RingCentral visibility', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
  });
  afterAll(async () => {
    await h.close();
  });

  it('tells an admin who owns a full number, in any common form, with the owner as a mention', async () => {
    for (const form of ['+1 (650) 331-6252', '650.331.6252', '16503316252']) {
      const reply = shown(await h.command(PEOPLE.john.id, form));
      expect(reply).toContain('+1 650 331 6252');
      expect(reply).toContain('Ana Ruiz');
      expect(reply).toContain('104');
      expect(reply).toContain('DirectNumber');
      expect(reply).toContain(`<@${PEOPLE.ana.id}>`);
      expect(reply).not.toMatch(/not shown for your role/);
    }
  });

  it('answers an admin’s cold full-number lookup with at most 2 RingCentral requests, warm with none', async () => {
    await h.link(PEOPLE.dev.id, 'dev.patel@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.dev.id);
    h.sandbox.resetRequests();
    await h.command(PEOPLE.dev.id, '+1 650 331 6253');
    // One targeted number search, then the owner's record; and the owner's presence (Light).
    expect(h.sandbox.countRequests({ path: /restapi\/v.*(?<!\/presence)$/ })).toBeLessThanOrEqual(
      2,
    );
    expect(h.sandbox.countRequests({ path: /\/presence$/ })).toBe(1);
    h.sandbox.resetRequests();
    await h.command(PEOPLE.dev.id, '+1 650 331 6253');
    expect(h.sandbox.countRequests({ path: /restapi\/v/ })).toBe(0);
  });

  it('shows a regular user other people’s direct numbers, without features', async () => {
    const reply = shown(await h.command(PEOPLE.ana.id, '+16503316251'));
    expect(reply).toContain('John Smith');
    expect(reply).toMatch(/not shown for your role/);
    // An external number forwarded into the account belongs to no extension: only admins see it.
    const forwarded = shown(await h.command(PEOPLE.ana.id, '+1 786 987 6543'));
    expect(forwarded).toMatch(/No number visible to you/i);
    const admin = shown(await h.command(PEOPLE.john.id, '+1 786 987 6543'));
    expect(admin).toContain('ForwardedNumber');
  });

  it('never answers a regular user from an admin’s warm cache', async () => {
    await h.command(PEOPLE.john.id, '1786*');
    const ana = shown(await h.command(PEOPLE.ana.id, '1786*'));
    const john = shown(await h.command(PEOPLE.john.id, '1786*'));
    expect(john).toContain('+1 786 987 6543');
    expect(ana).not.toContain('+1 786 987 6543');
  });

  it('lists numbers by prefix, paged, and bare digits also show that extension', async () => {
    const prefix = shown(await h.command(PEOPLE.john.id, '650331'));
    expect(prefix).toContain('+1 650 331 6251');
    expect(prefix).toContain('+1 650 331 6252');
    const bare = shown(await h.command(PEOPLE.john.id, '104'));
    expect(bare).toContain('Ana Ruiz');
  });

  it('answers an admin’s prefix with one targeted search, or from the account list without v2', async () => {
    await h.link(PEOPLE.dev.id, 'dev.patel@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.dev.id);
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.dev.id, '+1650331*'))).toContain('+1 650 331 6254');
    expect(h.sandbox.countRequests({ group: 'Heavy' })).toBe(1);
    // An account without the v2 API: the same answer from the account's number list.
    h.sandbox.faults.next({ status: 403, path: /restapi\/v2\//, count: 5 });
    expect(shown(await h.command(PEOPLE.dev.id, '+1855*'))).toContain('+1 855 910 5564');
    expect(h.sandbox.countRequests({ path: /v1\.0\/account\/~\/phone-number/ })).toBe(1);
    h.sandbox.faults.clear();
  });

  it('shows an extension with its numbers, and finds people by name or email', async () => {
    const ext = shown(await h.command(PEOPLE.ana.id, 'ext 101'));
    expect(ext).toContain('John Smith');
    expect(ext).toContain('+1 650 331 6251');
    const found = shown(await h.command(PEOPLE.ana.id, 'find ruiz'));
    expect(found).toContain('Ana Ruiz');
    const byEmail = shown(await h.command(PEOPLE.ana.id, 'find ben.okafor@'));
    expect(byEmail).toContain('Ben Okafor');
  });

  it('shows numbers of oneself, an extension, and a Slack member', async () => {
    const own = shown(await h.command(PEOPLE.ana.id, 'numbers'));
    expect(own).toContain('+1 650 331 6252');
    expect(own).toMatch(/CallerId/);
    const ben = shown(await h.command(PEOPLE.ana.id, `numbers <@${PEOPLE.ben.id}|ben>`));
    expect(ben).toContain('+1 650 331 6253');
    const stranger = shown(await h.command(PEOPLE.ana.id, `numbers <@${PEOPLE.stranger.id}>`));
    expect(stranger).toMatch(/no RingCentral extension/i);
  });

  it('shows the company: main number for everyone, company numbers for admins', async () => {
    const admin = shown(await h.command(PEOPLE.john.id, 'company'));
    expect(admin).toContain('+1 855 544 0014');
    expect(admin).toContain('Professional');
    expect(admin).toContain('+1 855 910 5564');
    const regular = shown(await h.command(PEOPLE.ana.id, 'company'));
    expect(regular).toContain('+1 855 544 0014');
    expect(regular).not.toContain('+1 855 910 5564');
  });

  it('asks an unlinked member to link for any lookup, and keeps bad input short', async () => {
    const unlinked = await h.command(PEOPLE.ben.id, '+1 650 331 6252');
    expect(await h.authorizeUrl(linkUrlOf(unlinked) ?? '')).toContain('/restapi/oauth/authorize');
    for (const bad of [
      'ext',
      'find',
      'x'.repeat(10_000),
      '🙂🙂',
      '<script>alert(1)</script>',
      "'; DROP TABLE links; --",
      '*',
      'ext 999',
    ]) {
      const reply = await h.command(PEOPLE.ana.id, bad);
      const text = shown(reply);
      expect(reply.text?.length ?? 0).toBeGreaterThan(0);
      expect(text).not.toMatch(/at .*\.ts:\d+|Error:|stack/);
      expect(text).not.toContain('<script>');
    }
    expect(shown(await h.command(PEOPLE.ana.id, 'ext 999'))).toMatch(/No extension 999/);
  });

  it('turns RingCentral failures into short replies', async () => {
    h.sandbox.faults.next({ status: 503, path: /forwarding-number/ });
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toMatch(/RingCentral/);
    h.sandbox.faults.next({ status: 429, retryAfterSec: 42, path: /forwarding-number/ });
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toMatch(/slow down.*4\d seconds/);
  });
});
