/**
 * A whole account on RingCentral's new call-handling backend (the sandbox's `upgradedAccount`):
 * v1.0 forwarding-number refuses everyone, and every answer comes from the v2 lists with the
 * same numbers, flip order and personal count as before the upgrade.
 */
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';

describe('forwarding when the whole account is upgraded', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ sandbox: { upgradedAccount: true } });
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
  });
  afterAll(async () => {
    await h.close();
  });

  it('reads one’s own list from the v2 APIs, as it read before the upgrade', async () => {
    const reply = shown(await h.command(PEOPLE.ana.id, 'fwd'));
    const softphone = reply.indexOf('+1 480 396 0003');
    expect(softphone).toBeGreaterThan(-1);
    expect(softphone).toBeLessThan(reply.indexOf('+1 650 555 0123'));
    expect(reply).toContain('+1 415 555 0199');
    expect(reply).toMatch(/2 personal numbers/);
    expect(h.sandbox.countRequests({ path: /call-flip-numbers$/ })).toBeGreaterThan(0);
  });

  it('lets the admin read anyone’s, and refuses a regular user anyone else’s', async () => {
    const john = shown(await h.command(PEOPLE.john.id, 'forwarding ext 104'));
    expect(john).toContain('Forwarding numbers of ext 104 · Ana Ruiz');
    expect(john).toContain('+1 650 555 0123');
    const own = shown(await h.command(PEOPLE.john.id, 'fwd'));
    expect(own).toContain('+1 760 941 0044');
    const ana = shown(await h.command(PEOPLE.ana.id, 'forwarding ext 101'));
    expect(ana).toMatch(/role does not allow reading other people's forwarding numbers/);
    expect(ana).not.toContain('+1 760 941 0044');
  });
});
