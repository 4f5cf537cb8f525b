/**
 * Forwarding on both of RingCentral's call-handling backends, through the real app and the
 * sandbox's seeded mix: Ana (104) is on the old backend, Lena (108) on the new one, where v1.0
 * forwarding-number answers 403. Both read their own list, an admin reads either, a regular user
 * reads neither of the other's, and a 403 on one's own list never says "other people's".
 */

import {
  appHomeOpenedEvent,
  postEvent,
  postViewSubmission,
  viewSubmissionPayload,
} from '../../src/slack-stand-in';
import { shownText } from '../blocks/helpers';
import { buttonValue } from '../support/buttons';
import {
  type Harness,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const LENA_DESK = '+1 512 555 0180';
const LENA_MOBILE = '+1 415 555 0142';
const LENA_HOME = '+1 312 555 0166';
const ANA_MOBILE = '+1 650 555 0123';
const OTHERS = /role does not allow reading other people's forwarding numbers/;

describe('forwarding on the old and the new call-handling backend', () => {
  let h: Harness;
  const count = (path: RegExp) => h.sandbox.countRequests({ path });
  const lenaCount = (path: RegExp) => h.sandbox.countRequests({ path, extensionId: '435075008' });
  beforeAll(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    h.slack.addChannel({
      id: 'CFIELD',
      name: 'field',
      members: [PEOPLE.john.id, PEOPLE.lena.id, PEOPLE.ben.id],
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('an upgraded user reads her own list from the v2 APIs, in flip order, personal marked', async () => {
    h.sandbox.resetRequests();
    // Linking publishes her Home tab, with her forwarding list: the first time it is read.
    await h.link(PEOPLE.lena.id, 'lena.fischer@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.lena.id);
    // v1.0 refused, the features endpoint said which backend, then the two v2 lists.
    expect(lenaCount(/forwarding-number$/)).toBe(1);
    expect(lenaCount(/\/features$/)).toBe(1);
    expect(lenaCount(/call-flip-numbers$/)).toBe(1);
    expect(lenaCount(/forwarding-targets$/)).toBe(1);

    h.sandbox.resetRequests();
    const reply = shown(await h.command(PEOPLE.lena.id, 'fwd'));
    const desk = reply.indexOf(LENA_DESK);
    expect(desk).toBeGreaterThan(-1);
    expect(desk).toBeLessThan(reply.indexOf(LENA_MOBILE));
    expect(reply.indexOf(LENA_MOBILE)).toBeLessThan(reply.indexOf(LENA_HOME));
    expect(reply).toContain('Lena Fischer Desk Phone');
    expect(reply).toMatch(
      /Flip 2 · \*\+1 415 555 0142\* · External · “Mobile” · CallForwarding, CallFlip · _personal_/,
    );
    expect(reply).toMatch(/2 personal numbers/);
    expect(reply).not.toMatch(/role does not allow/);
    // Her backend is known to her identity now: straight to the v2 lists, read fresh.
    expect(count(/forwarding-number$|\/features$/)).toBe(0);
    expect(count(/call-flip-numbers$/)).toBe(1);
    expect(count(/forwarding-targets$/)).toBe(1);
  });

  it('a user on the old backend reads hers from v1.0, without asking which backend', async () => {
    h.sandbox.resetRequests();
    const reply = shown(await h.command(PEOPLE.ana.id, 'fwd'));
    expect(reply).toContain(ANA_MOBILE);
    expect(reply).toMatch(/2 personal numbers/);
    expect(count(/\/features$|restapi\/v2\//)).toBe(0);
  });

  it('an admin reads a list on either backend', async () => {
    const lena = shown(await h.command(PEOPLE.john.id, 'forwarding ext 108'));
    expect(lena).toContain('Forwarding numbers of ext 108 · Lena Fischer');
    expect(lena).toContain(LENA_MOBILE);
    expect(lena).toContain(LENA_HOME);
    const ana = shown(await h.command(PEOPLE.john.id, `forwarding <@${PEOPLE.ana.id}>`));
    expect(ana).toContain(ANA_MOBILE);
  });

  it('shows each member’s own list in the App Home forwarding section, on either backend', async () => {
    for (const [userId, numbers] of [
      [PEOPLE.lena.id, [LENA_DESK, LENA_MOBILE, LENA_HOME]],
      [PEOPLE.ana.id, [ANA_MOBILE, '+1 415 555 0199']],
    ] as const) {
      const earlier = new Set(h.slack.callsTo('views.publish'));
      await postEvent(h.appUrl, SIGNING_SECRET, appHomeOpenedEvent({ userId, tab: 'home' }));
      await h.slack.waitFor(
        'views.publish',
        (args, call) => args.user_id === userId && call.ok && !earlier.has(call),
      );
      const home = shownText(h.slack.homeView(userId) ?? { blocks: [] });
      expect(home).toContain('Forwarding');
      for (const number of numbers) expect(home).toContain(number);
      expect(home).not.toMatch(/could not be read|role does not allow/);
    }
  });

  it('refuses a regular user someone else’s list on both backends, asking nothing more', async () => {
    // John has read Lena's list: his identity knows her backend. Ana's must not use that.
    h.sandbox.resetRequests();
    const toAna = shown(await h.command(PEOPLE.ana.id, 'fwd ext 108'));
    expect(toAna).toMatch(OTHERS);
    for (const number of [LENA_DESK, LENA_MOBILE, LENA_HOME]) expect(toAna).not.toContain(number);
    const toLena = shown(await h.command(PEOPLE.lena.id, 'fwd ext 104'));
    expect(toLena).toMatch(OTHERS);
    expect(toLena).not.toContain(ANA_MOBILE);
    // A regular user's 403 on another's list is final on either backend: no features request.
    expect(count(/\/features$|restapi\/v2\//)).toBe(0);
  });

  it('never words a 403 on one’s own list as other people’s, on either backend', async () => {
    h.sandbox.faults.next({ status: 403, path: /forwarding-number$/ });
    const ana = shown(await h.command(PEOPLE.ana.id, 'fwd'));
    expect(ana).toMatch(/does not let your role read your own forwarding numbers/);
    expect(ana).not.toMatch(/other people/);
    h.sandbox.faults.next({ status: 403, path: /call-flip-numbers$/ });
    const lena = shown(await h.command(PEOPLE.lena.id, 'fwd'));
    expect(lena).toMatch(/does not let your role read your own forwarding numbers/);
    expect(lena).not.toMatch(/other people/);
    h.sandbox.faults.clear();
  });

  it('shares an upgraded user’s list after the confirmation that counts her personal numbers', async () => {
    // The button from Lena's own reply: share values are signed for the member they were shown to.
    const list = await h.command(PEOPLE.lena.id, 'fwd', { channelId: 'CFIELD' });
    const { status } = await h.press(
      PEOPLE.lena.id,
      'share_forwarding',
      buttonValue(list.blocks, 'share_forwarding'),
      { channelId: 'CFIELD' },
    );
    expect(status).toBe(200);
    const opened = await h.slack.waitFor(
      'views.open',
      (args) =>
        args.view?.callback_id === 'confirm_share' &&
        JSON.stringify(args.view?.blocks).includes('#field'),
    );
    const view = opened.args.view;
    expect(JSON.stringify(view?.blocks)).toMatch(/2 personal numbers/);
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CFIELD'),
    ).toHaveLength(0);
    const submitted = await postViewSubmission(
      h.appUrl,
      SIGNING_SECRET,
      viewSubmissionPayload({
        userId: PEOPLE.lena.id,
        teamId: TEAM_ID,
        callbackId: 'confirm_share',
        values: {},
        privateMetadata: view?.private_metadata,
      }),
    );
    expect(submitted.status).toBe(200);
    const post = await h.slack.waitFor('chat.postMessage', (args) => args.channel === 'CFIELD');
    const posted = `${post.args.text}${JSON.stringify(post.args.blocks)}`;
    expect(posted).toContain(LENA_MOBILE);
    expect(posted).toContain(`<@${PEOPLE.lena.id}>`);
  });
});
