// "Broken link noticed": when RingCentral refuses a link's refresh, the member gets exactly one
// DM saying why, with a Reconnect button bound to them, and their Home tab shows the same;
// however many commands follow, and whichever of them (or a background read) noticed it.
import { ActionIds } from '../../src/blocks/ids';
import type { RecordedCall } from '../../src/slack-stand-in';
import { appHomeOpenedEvent, postEvent } from '../../src/slack-stand-in';
import {
  type Harness,
  linkUrlOf,
  memberOfConnectUrl,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const ana = { teamId: TEAM_ID, userId: PEOPLE.ana.id };

/** Ends Ana's session at RingCentral, as revoking it in RingCentral's settings would. */
async function revokeAtRingCentral(h: Harness): Promise<void> {
  const link = await h.links.getLink(ana);
  const auth = Buffer.from(`${h.sandbox.clientId}:${h.sandbox.clientSecret}`).toString('base64');
  await fetch(`${h.sandbox.url}/restapi/oauth/revoke`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${auth}`,
    },
    body: new URLSearchParams({ token: link?.tokens.refreshToken ?? '' }),
  });
  h.sandbox.expireAccessTokens();
}

/** DMs to Ana that tell her the link broke. */
function brokenDms(h: Harness): RecordedCall[] {
  return h.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.ok && call.args.channel === PEOPLE.ana.id)
    .filter((call) => /stopped working/.test(String(call.args.text)));
}

async function settled(h: Harness): Promise<void> {
  await h.app.services.background.idle();
}

describe('a broken link is noticed and told once', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
    await settled(h);
  });
  afterEach(() => h.close());

  it('sends exactly one DM, however many commands follow, and turns the Home tab', async () => {
    await revokeAtRingCentral(h);
    // Six at once that need RingCentral (her directory is not read yet), then more of anything.
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => h.command(PEOPLE.ana.id, '+1 650 331 6253')),
    );
    for (const text of ['numbers', 'ext 101', 'forwarding', '+1 650 331 6253']) {
      replies.push(await h.command(PEOPLE.ana.id, text));
    }
    await settled(h);
    for (const reply of replies) expect(shown(reply)).toContain('Reconnect RingCentral');

    const dms = brokenDms(h);
    expect(dms).toHaveLength(1);
    const dm = { text: String(dms[0]?.args.text), blocks: dms[0]?.args.blocks };
    expect(dm.text).toContain('RingCentral no longer accepts this link');
    const url = linkUrlOf(dm) ?? '';
    expect(url).toContain('/oauth/ringcentral/start?t=');
    expect(await memberOfConnectUrl(h, url)).toBe(PEOPLE.ana.id);
    expect(JSON.stringify(dm.blocks)).toContain('Reconnect RingCentral');

    const home = JSON.stringify(h.slack.homeView(PEOPLE.ana.id)?.blocks);
    expect(home).toContain('stopped working');
    expect(home).toContain('no longer accepts this link');
    expect(home).toContain(ActionIds.reconnect);
    const link = await h.links.getLink(ana);
    expect((await h.members.getMember(ana))?.brokenNoticeVersion).toBe(link?.version);
  });

  it('tells the member even when no command noticed it (their Home tab refreshed)', async () => {
    await revokeAtRingCentral(h);
    await postEvent(h.appUrl, SIGNING_SECRET, appHomeOpenedEvent({ userId: PEOPLE.ana.id }));
    await h.slack.waitFor('chat.postMessage', (args) => args.channel === PEOPLE.ana.id, 10_000);
    await settled(h);
    expect(brokenDms(h)).toHaveLength(1);
    await h.command(PEOPLE.ana.id, 'me');
    await h.command(PEOPLE.ana.id, 'numbers');
    await settled(h);
    expect(brokenDms(h)).toHaveLength(1);
  });

  it('tries the DM again at the next command when Slack did not take it', async () => {
    await revokeAtRingCentral(h);
    h.slack.failNext('chat.postMessage', 'fatal_error', 1);
    await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    await settled(h);
    expect(brokenDms(h)).toHaveLength(0);
    expect((await h.members.getMember(ana))?.brokenNoticeVersion ?? null).toBeNull();
    await h.command(PEOPLE.ana.id, 'numbers');
    await h.command(PEOPLE.ana.id, 'numbers');
    await settled(h);
    expect(brokenDms(h)).toHaveLength(1);
  });

  it('tells again when a new link breaks after the member reconnected', async () => {
    await revokeAtRingCentral(h);
    await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    await settled(h);
    expect(brokenDms(h)).toHaveLength(1);
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    expect(shown(await h.command(PEOPLE.ana.id, 'numbers'))).toContain('+1 650 331 6252');
    await settled(h);
    await revokeAtRingCentral(h);
    await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    await h.command(PEOPLE.ana.id, 'numbers');
    await settled(h);
    expect(brokenDms(h)).toHaveLength(2);
  });
});

/** Whose Slack account a Connect button is for: its token is opaque; the store knows. */
