// An Enterprise Grid organisation installs the app org-wide: one installation, keyed by the
// enterprise id, whose bot token acts in each of the organisation's workspaces (naming the
// workspace on every call). Links stay keyed by the workspace Slack sends with each request, so
// a member links once per workspace; removing the org-wide install forgets every workspace it
// served.
import { appUninstalledEvent, teamAccessRevokedEvent } from '../../src/slack-stand-in';
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

const ORG = 'E0001';
const EAST: Place = { teamId: 'T0003', enterpriseId: ORG, orgWide: true };
const WEST: Place = { teamId: 'T0004', enterpriseId: ORG, orgWide: true };
/** Grid members have one id across the organisation's workspaces. */
const LENA = { id: 'W0LENA', email: PEOPLE.lena.email, real_name: 'Lena Fischer', name: 'lena' };

describe('an org-wide install in an Enterprise Grid organisation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ manyWorkspaces: true });
    for (const [teamId, teamName] of [
      ['T0003', 'Initech East'],
      ['T0004', 'Initech West'],
    ] as const) {
      h.slack.addWorkspace({
        teamId,
        teamName,
        enterpriseId: ORG,
        enterpriseName: 'Initech Grid',
        users: [LENA],
      });
    }
  });
  afterEach(async () => {
    await h.close();
  });

  it('installs once for the organisation and answers in each workspace with its token', async () => {
    const run = await installApp(h, { enterpriseId: ORG, userId: LENA.id });
    expect(run.status).toBe(200);
    expect(run.html).toContain('the Initech Grid organisation');
    const installed = await h.store.installations.getInstallation({
      kind: 'enterprise',
      enterpriseId: ORG,
    });
    expect(installed).toMatchObject({ isEnterpriseInstall: true, teamId: null, enterpriseId: ORG });
    const [orgToken] = h.slack.botTokens({ enterpriseId: ORG });
    expect(installed?.botToken).toBe(orgToken);

    expect((await linkIn(h, EAST, LENA.id, LENA.email)).status).toBe(200);
    expect((await commandIn(h, EAST, LENA.id, 'me')).text).toContain('Lena Fischer');
    // Work without a request (the Home tab after linking) finds the org's token for East.
    await eventually(() => Boolean(h.slack.workspace('T0003')?.homeView(LENA.id)));
    const publish = h.slack.callsTo('views.publish').find((c) => c.args.user_id === LENA.id);
    expect(publish).toMatchObject({ token: orgToken, teamId: 'T0003', ok: true });
    expect(publish?.args.team_id).toBe('T0003');

    // The link belongs to East: in West, Lena is asked to link there.
    const west = await commandIn(h, WEST, LENA.id, 'me');
    expect(west.text).toMatch(/connect|link/i);
    expect(await h.links.getLink({ teamId: 'T0004', userId: LENA.id })).toBeNull();
    expect(h.slack.calls.filter((call) => !call.ok)).toEqual([]);
  });

  it('removing the org-wide install forgets every workspace it served', async () => {
    await installApp(h, { enterpriseId: ORG, userId: LENA.id });
    await linkIn(h, EAST, LENA.id, LENA.email);
    await linkIn(h, WEST, LENA.id, LENA.email);
    const revokes = h.sandbox.countRequests({ path: /oauth\/revoke/ });

    h.slack.uninstall({ enterpriseId: ORG });
    expect((await eventFrom(h, EAST, appUninstalledEvent())).status).toBe(200);
    await eventually(
      async () => (await h.links.getLink({ teamId: 'T0004', userId: LENA.id })) === null,
    );
    expect(await h.links.getLink({ teamId: 'T0003', userId: LENA.id })).toBeNull();
    await eventually(() => h.sandbox.countRequests({ path: /oauth\/revoke/ }) === revokes + 2);
    expect(
      await h.store.installations.getInstallation({ kind: 'enterprise', enterpriseId: ORG }),
    ).toBeNull();
    expect(await h.store.installations.installationForTeam('T0003')).toBeNull();
    expect(await answered(h, WEST, LENA.id)).toBe(false);
  });

  it('an org-wide install removed from one workspace forgets that one only', async () => {
    await installApp(h, { enterpriseId: ORG, userId: LENA.id });
    // Initech's own workspace has an install of its own and a linked member.
    await installApp(h, { teamId: 'T0001', userId: PEOPLE.john.id });
    await h.link(PEOPLE.ana.id, PEOPLE.ana.email);
    await linkIn(h, EAST, LENA.id, LENA.email);
    await linkIn(h, WEST, LENA.id, LENA.email);
    const revokes = h.sandbox.countRequests({ path: /oauth\/revoke/ });

    // The list names a workspace the organisation does not serve: that one is not touched.
    const event = teamAccessRevokedEvent(['T0004', 'T0001']);
    expect((await eventFrom(h, EAST, event)).status).toBe(200);
    await eventually(
      async () => (await h.links.getLink({ teamId: 'T0004', userId: LENA.id })) === null,
    );
    await eventually(() => h.sandbox.countRequests({ path: /oauth\/revoke/ }) === revokes + 1);
    expect(await h.store.installations.installationForTeam('T0004')).toBeNull();
    // Slack sends nothing more from West; were it to, Lena would have to link again there.
    expect((await commandIn(h, WEST, LENA.id, 'me')).text).toMatch(/connect|link/i);
    // East goes on with the org-wide install; Initech's workspace keeps its link.
    expect((await commandIn(h, EAST, LENA.id, 'me')).text).toContain('Lena Fischer');
    expect(await h.links.getLink({ teamId: 'T0001', userId: PEOPLE.ana.id })).not.toBeNull();
    expect(
      await h.store.installations.getInstallation({ kind: 'enterprise', enterpriseId: ORG }),
    ).not.toBeNull();
    expect(h.sandbox.countRequests({ path: /oauth\/revoke/ })).toBe(revokes + 1);
  });
});
