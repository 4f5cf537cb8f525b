/**
 * A link is bound to a person by the extension's email. RingCentral reuses extensions: when an
 * admin hands ext 104 to someone else (a new email), the member who linked it must not go on
 * reading as the extension's new holder. The hourly re-read of who the member is (after each
 * token refresh), and the fresh read before admin-only commands, see the new email: the link is
 * broken, its RingCentral session ended, and the member is asked to connect again, where the
 * email must match anew.
 */
import { type Harness, PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';

const REVOKE = /oauth\/revoke$/;

describe('an extension given another email since linking', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function linked(userId: string, email: string): Promise<void> {
    await h.link(userId, email);
    await h.slack.waitFor('views.publish', (args) => args.user_id === userId);
    await h.app.services.background.idle();
  }

  it('breaks the link at the next token refresh, ends its session, and asks to connect again', async () => {
    await linked(PEOPLE.ana.id, PEOPLE.ana.email);
    expect(shown(await h.command(PEOPLE.ana.id, 'numbers'))).toContain('Ana Ruiz');
    h.sandbox.setEmail('104', 'new.holder@example.com');
    // Before any refresh nothing is re-read: the same access token answers as before.
    h.sandbox.expireAccessTokens();
    const revokes = h.sandbox.countRequests({ path: REVOKE });

    // Her forwarding list is always read afresh, so this question reaches RingCentral.
    const reply = shown(await h.command(PEOPLE.ana.id, 'forwarding'));
    expect(reply).toMatch(/another email than when you connected it/);
    expect(reply).not.toContain('+1 650');
    const link = await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id });
    expect(link?.status).toBe('broken');
    expect(h.sandbox.countRequests({ path: REVOKE })).toBe(revokes + 1);
    // Connecting again is matched anew: Ana's Slack email is not the extension's any more.
    const again = await h.link(PEOPLE.ana.id, 'new.holder@example.com');
    expect(again.html).toMatch(/email/i);
    expect((await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id }))?.status).toBe(
      'broken',
    );
  });

  it('breaks an admin link at the fresh read before an admin-only command', async () => {
    await linked(PEOPLE.john.id, PEOPLE.john.email);
    h.sandbox.setEmail('101', 'new.admin@example.com');
    const reply = shown(await h.command(PEOPLE.john.id, 'audit'));
    expect(reply).toMatch(/another email than when you connected it/);
    expect(reply).not.toMatch(/shares in the last/i);
    const link = await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.john.id });
    expect(link?.status).toBe('broken');
  });

  it('the same email written otherwise keeps the link', async () => {
    await linked(PEOPLE.ana.id, PEOPLE.ana.email);
    h.sandbox.setEmail('104', 'ANA.RUIZ@example.com ');
    h.sandbox.expireAccessTokens();
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toContain('+1 650');
    expect((await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id }))?.status).toBe(
      'active',
    );
  });
});
