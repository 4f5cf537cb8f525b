// Removing the app from one of two workspaces (app_uninstalled, or tokens_revoked for its bot):
// that workspace's installation and links go, their RingCentral sessions are ended (the sandbox
// refuses their tokens afterwards) and their cached answers forgotten, while the other workspace
// keeps working. Events for a workspace the app does not know change nothing.
import { identityKeyOf } from '../../src/ringcentral/user-session';
import { appUninstalledEvent, tokensRevokedEvent } from '../../src/slack-stand-in';
import type { Link } from '../../src/store/types';
import { type Harness, PEOPLE, startHarness } from '../support/harness';
import {
  answered,
  commandIn,
  eventFrom,
  eventually,
  installApp,
  linkIn,
  type Place,
} from '../support/workspaces';

const A: Place = { teamId: 'T0001' };
const B: Place = { teamId: 'T0002' };
const GBEN = { id: 'UGBEN', email: PEOPLE.ben.email, real_name: 'Ben Okafor', name: 'ugben' };

/** Whether RingCentral (the sandbox) still accepts the link's access token. */
async function sessionAlive(h: Harness, link: Link): Promise<boolean> {
  const answer = await fetch(`${h.sandbox.url}/restapi/v1.0/account/~/extension/~`, {
    headers: { authorization: `Bearer ${link.tokens.accessToken}` },
  });
  await answer.body?.cancel();
  return answer.status === 200;
}

describe('removing the app from one of two workspaces', () => {
  let h: Harness;
  let ana: Link;
  let john: Link;
  let ben: Link;
  const key = (teamId: string, userId: string) => ({ teamId, userId });

  beforeEach(async () => {
    h = await startHarness({ manyWorkspaces: true });
    h.slack.addWorkspace({ teamId: 'T0002', teamName: 'Globex', users: [GBEN] });
    await installApp(h, { teamId: 'T0001', userId: PEOPLE.john.id });
    await installApp(h, { teamId: 'T0002', userId: GBEN.id });
    await linkIn(h, A, PEOPLE.ana.id, PEOPLE.ana.email);
    await linkIn(h, A, PEOPLE.john.id, PEOPLE.john.email);
    await linkIn(h, B, GBEN.id, GBEN.email);
    ana = (await h.links.getLink(key('T0001', PEOPLE.ana.id))) as Link;
    john = (await h.links.getLink(key('T0001', PEOPLE.john.id))) as Link;
    ben = (await h.links.getLink(key('T0002', GBEN.id))) as Link;
    for (const link of [ana, john, ben]) expect(await sessionAlive(h, link)).toBe(true);
    // Answers cached under Ana's identity, which must not outlive her link.
    await commandIn(h, A, PEOPLE.ana.id, 'find smith');
    expect(h.app.services.cache.countOf(identityKeyOf(ana.identity))).toBeGreaterThan(0);
  });
  afterEach(async () => {
    await h.close();
  });

  it('app_uninstalled forgets that workspace and ends its sessions; the other works on', async () => {
    // Slack revokes the workspace's token, then tells the app.
    h.slack.uninstall({ teamId: 'T0001' });
    expect((await eventFrom(h, A, appUninstalledEvent())).status).toBe(200);
    await eventually(async () => (await h.links.getLink(ana)) === null);
    await eventually(async () => !(await sessionAlive(h, john)));

    expect(await h.store.installations.installationForTeam('T0001')).toBeNull();
    expect(await h.links.getLink(john)).toBeNull();
    expect(await sessionAlive(h, ana)).toBe(false);
    expect(h.app.services.cache.countOf(identityKeyOf(ana.identity))).toBe(0);
    expect(await answered(h, A, PEOPLE.ana.id)).toBe(false);

    // Globex keeps its installation, its link and its session, and is answered as before.
    expect(await h.links.getLink(ben)).not.toBeNull();
    expect(await sessionAlive(h, ben)).toBe(true);
    expect((await commandIn(h, B, GBEN.id, 'me')).text).toContain('Ben Okafor');

    // A second delivery of the same event finds nothing left, and breaks nothing.
    expect((await eventFrom(h, A, appUninstalledEvent())).status).toBe(200);
    expect((await commandIn(h, B, GBEN.id, 'me')).text).toContain('Ben Okafor');
    expect(h.logs.join('')).toMatch(/app removed from Slack/);
  });

  it('tokens_revoked for the bot does the same; for user tokens alone, nothing', async () => {
    h.slack.uninstall({ teamId: 'T0002' });
    await eventFrom(h, B, tokensRevokedEvent({ oauth: [GBEN.id] }));
    // The app holds no user tokens: nothing of Globex's is forgotten for those.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await h.links.getLink(ben)).not.toBeNull();
    expect(await h.store.installations.installationForTeam('T0002')).not.toBeNull();

    await eventFrom(h, B, tokensRevokedEvent({ bot: ['U0BOT'] }));
    await eventually(async () => (await h.links.getLink(ben)) === null);
    await eventually(async () => !(await sessionAlive(h, ben)));
    expect(await h.store.installations.installationForTeam('T0002')).toBeNull();
    // Acme keeps everything.
    expect(await h.links.getLink(ana)).not.toBeNull();
    expect(await sessionAlive(h, ana)).toBe(true);
    expect((await commandIn(h, A, PEOPLE.ana.id, 'me')).text).toContain('Ana Ruiz');
  });

  it('a retried uninstall from before a reinstall, or another bot’s revoked token, removes nothing', async () => {
    // Slack retries an app_uninstalled whose ack failed; the workspace has reinstalled since.
    const beforeInstall = Math.floor(Date.now() / 1000) - 120;
    await eventFrom(h, B, appUninstalledEvent(), { eventTime: beforeInstall });
    await eventFrom(h, B, tokensRevokedEvent({ bot: ['U0OLDBOT'] }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await h.store.installations.installationForTeam('T0002')).not.toBeNull();
    expect(await h.links.getLink(ben)).not.toBeNull();
    expect(await sessionAlive(h, ben)).toBe(true);
    expect(h.logs.join('')).toMatch(/app removal ignored: not this installation/);
  });

  it('ignores removals and requests for a workspace it does not know', async () => {
    const unknown = { teamId: 'T0404' };
    expect((await eventFrom(h, unknown, appUninstalledEvent())).status).toBe(200);
    expect((await eventFrom(h, unknown, tokensRevokedEvent({ bot: ['U0BOT'] }))).status).toBe(200);
    expect(await answered(h, unknown, PEOPLE.ana.id)).toBe(false);
    for (const link of [ana, john, ben]) {
      expect(await h.links.getLink(link)).not.toBeNull();
      expect(await sessionAlive(h, link)).toBe(true);
    }
    expect((await commandIn(h, A, PEOPLE.ana.id, 'me')).text).toContain('Ana Ruiz');
    expect((await commandIn(h, B, GBEN.id, 'me')).text).toContain('Ben Okafor');
  });
});
