// Two workspaces installed side by side: each member is answered, looked up, DMed and shown
// their Home tab with their own workspace's bot token, never the other's. The Slack stand-in
// lets a token act in its own workspace only, and records which token every call used.
import { SlackNotInstalled } from '../../src/slack/clients';
import type { RecordedCall } from '../../src/slack-stand-in';
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';
import {
  commandIn,
  eventually,
  installApp,
  linkIn,
  memberOfCall,
  type Place,
} from '../support/workspaces';

const A: Place = { teamId: 'T0001' };
const B: Place = { teamId: 'T0002' };
/** Globex's members: Ben and Dev again, as members of another workspace. */
const GLOBEX = {
  ben: { id: 'UGBEN', email: PEOPLE.ben.email, real_name: 'Ben Okafor' },
  dev: { id: 'UGDEV', email: PEOPLE.dev.email, real_name: 'Dev Patel' },
};

/** Every call acted with a token issued to the workspace it acted in, about its own members. */
function expectOwnTokens(h: Harness, calls: readonly RecordedCall[]): void {
  const misplaced = calls
    .filter((call) => call.method !== 'oauth.v2.access')
    .flatMap((call) => {
      const teamId = call.teamId ?? '?';
      const tokens = h.slack.botTokens({ teamId });
      const member = memberOfCall(call);
      const ownMember = !member || h.slack.workspace(teamId)?.users.has(member);
      return tokens.includes(call.token ?? '') && ownMember && call.ok
        ? []
        : [`${call.method} in ${teamId} (${call.error ?? 'ok'}) about ${member}`];
    });
  expect(misplaced).toEqual([]);
}

describe('two workspaces, one app', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ manyWorkspaces: true });
    h.slack.addWorkspace({
      teamId: 'T0002',
      teamName: 'Globex',
      users: Object.values(GLOBEX).map((user) => ({ ...user, name: user.id.toLowerCase() })),
    });
    expect((await installApp(h, { teamId: 'T0001', userId: PEOPLE.john.id })).status).toBe(200);
    expect((await installApp(h, { teamId: 'T0002', userId: GLOBEX.dev.id })).status).toBe(200);
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers each member with their own workspace’s bot token', async () => {
    const [tokenA] = h.slack.botTokens({ teamId: 'T0001' });
    const [tokenB] = h.slack.botTokens({ teamId: 'T0002' });
    expect(tokenA).not.toBe(tokenB);
    expect((await linkIn(h, A, PEOPLE.ana.id, PEOPLE.ana.email)).status).toBe(200);
    expect((await linkIn(h, B, GLOBEX.ben.id, GLOBEX.ben.email)).status).toBe(200);

    // Ben's extension names its owner in each workspace: the member of the asker's workspace.
    const inA = shown(await commandIn(h, A, PEOPLE.ana.id, 'ext 105'));
    const inB = shown(await commandIn(h, B, GLOBEX.ben.id, 'ext 105'));
    expect(inA).toContain(`<@${PEOPLE.ben.id}>`);
    expect(inA).not.toContain(GLOBEX.ben.id);
    expect(inB).toContain(`<@${GLOBEX.ben.id}>`);
    expect(inB).not.toContain(`<@${PEOPLE.ben.id}>`);

    // Work without a request: the Home tab after linking, a reminder to a member of Globex.
    await eventually(() => Boolean(h.slack.workspace('T0002')?.homeView(GLOBEX.ben.id)));
    expect(h.slack.homeView(GLOBEX.ben.id)).toBeUndefined();
    await eventually(() => Boolean(h.slack.homeView(PEOPLE.ana.id)));
    const dev = { teamId: 'T0002', userId: GLOBEX.dev.id };
    await h.members.noteLinkOpened(dev, Date.now() - 90_000_000, Date.now() - 1000);
    expect(await h.app.runDueReminders()).toBe(1);
    const reminder = await h.slack.waitFor(
      'chat.postMessage',
      (args) => args.channel === dev.userId,
    );
    expect(reminder).toMatchObject({ token: tokenB, teamId: 'T0002', ok: true });

    const publishes = h.slack.callsTo('views.publish');
    expect(publishes.find((c) => c.args.user_id === PEOPLE.ana.id)?.token).toBe(tokenA);
    expect(publishes.find((c) => c.args.user_id === GLOBEX.ben.id)?.token).toBe(tokenB);
    expectOwnTokens(h, h.slack.calls);
  });

  it('gives work without a request its workspace’s client, and none for an unknown one', async () => {
    const services = h.app.services;
    const a = await services.slackFor('T0001');
    const b = await services.slackFor('T0002');
    expect(a).not.toBe(b);
    expect((await a.auth.test()).team_id).toBe('T0001');
    expect((await b.auth.test()).team_id).toBe('T0002');
    // Globex's token cannot see Acme's members: a mix-up would show, not leak.
    await expect(b.users.info({ user: PEOPLE.ana.id })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
    // A workspace without an installation gets no one's token: nothing is asked of Slack.
    const before = h.slack.calls.length;
    await expect(services.slackFor('T0404')).rejects.toBeInstanceOf(SlackNotInstalled);
    expect(await services.people.member('T0404', PEOPLE.ana.id)).toBeNull();
    expect(h.slack.calls.length).toBe(before);
  });
});
