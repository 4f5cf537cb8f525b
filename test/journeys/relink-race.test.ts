import { isAppError } from '../../src/errors';
import { AccountApi } from '../../src/ringcentral/account-api';
import { type Harness, PEOPLE, startHarness, TEAM_ID } from '../support/harness';

const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };

describe('a session never carries on as another identity', () => {
  let h: Harness;
  beforeEach(async () => {
    // Ana relinks as John below: allowed only through the second confirmation.
    h = await startHarness({ env: { LINK_EMAIL_MATCH: 'confirm' } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses to continue when the member relinked as someone else during the request', async () => {
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const session = await h.app.services.sessions.open(ana);
    expect((await h.linkConfirmed(PEOPLE.ana.id, 'john.smith@example.com')).status).toBe(200);
    h.sandbox.expireAccessTokens();

    const failure = await new AccountApi(session).extensionNumbers('~').catch((error) => error);
    expect(isAppError(failure, 'link_changed')).toBe(true);
    // Nothing John's token can see was answered under Ana's identity.
    expect(session.identity.extensionNumber).toBe('104');
  });

  it('asks to reconnect when the refresh token has expired, and marks the link broken', async () => {
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    const link = await h.links.getLink(ana);
    if (!link) throw new Error('not linked');
    await h.links.updateTokens(ana, link.version, {
      ...link.tokens,
      accessTokenExpiresAt: Date.now() - 1000,
      refreshTokenExpiresAt: Date.now() - 1000,
    });
    // Forwarding lists are always read fresh, so this command needs a working token.
    const reply = await h.command(PEOPLE.ana.id, 'forwarding');
    expect(JSON.stringify(reply.blocks)).toContain('/oauth/ringcentral/start');
    expect(`${reply.text}`).toMatch(/expired|Connect again/i);
    expect((await h.links.getLink(ana))?.status).toBe('broken');
  });

  it('takes a promotion into account at the next refresh', async () => {
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
    const company = h.sandbox.company.extensions.find((ext) => ext.extensionNumber === '104');
    if (!company) throw new Error('no ext 104');
    company.isAdmin = true;
    h.sandbox.expireAccessTokens();
    // The question that met the refresh is answered again from the new identity, not "ask again".
    const reply = await h.command(PEOPLE.ana.id, 'forwarding');
    expect(reply.text).toMatch(/^Forwarding numbers of ext 104/);
    expect(reply.text).not.toMatch(/changed|ask again/i);
    expect((await h.links.getLink(ana))?.identity.isAdmin).toBe(true);
    expect(JSON.stringify((await h.command(PEOPLE.ana.id, 'me')).blocks)).toMatch(/admin/i);
  });
});
