import { postViewSubmission, viewSubmissionPayload } from '../../src/slack-stand-in';
import { buttonValue } from '../support/buttons';
import {
  type Harness,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

describe('forwarding lists', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    h.slack.addChannel({
      id: 'CITOPS',
      name: 'it-ops',
      members: [PEOPLE.john.id, PEOPLE.ana.id, PEOPLE.ben.id],
    });
    h.slack.addChannel({
      id: 'COUTSIDE',
      name: 'random',
      is_member: false,
      members: [PEOPLE.ana.id],
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows your own list ordered by flip number, with labels, types and features', async () => {
    const reply = shown(await h.command(PEOPLE.ana.id, 'fwd'));
    const softphone = reply.indexOf('+1 480 396 0003');
    const mobile = reply.indexOf('+1 650 555 0123');
    const home = reply.indexOf('+1 415 555 0199');
    expect(softphone).toBeGreaterThan(-1);
    expect(softphone).toBeLessThan(mobile);
    expect(mobile).toBeLessThan(home);
    expect(reply).toContain('Ana Ruiz Softphone');
    expect(reply).toContain('CallForwarding');
    expect(reply).toMatch(/personal/i);
  });

  it('lets an admin read another extension’s list, by extension or by Slack member', async () => {
    expect(shown(await h.command(PEOPLE.john.id, 'forwarding ext 104'))).toContain(
      '+1 650 555 0123',
    );
    expect(shown(await h.command(PEOPLE.john.id, `forwarding <@${PEOPLE.ana.id}>`))).toContain(
      '+1 650 555 0123',
    );
  });

  it('tells a regular user their role does not allow reading other people’s lists', async () => {
    const reply = shown(await h.command(PEOPLE.ana.id, 'forwarding ext 101'));
    expect(reply).toMatch(/role does not allow reading other people's forwarding numbers/);
    expect(reply).not.toContain('+1 760 941 0044');
  });

  it('explains extensions without forwarding numbers, and unknown extensions', async () => {
    expect(shown(await h.command(PEOPLE.john.id, 'forwarding ext 200'))).toMatch(
      /Department extension/,
    );
    expect(shown(await h.command(PEOPLE.john.id, 'forwarding ext 999'))).toMatch(
      /No extension 999/,
    );
  });

  it('shares a list with personal numbers only after a confirmation naming the channel and count', async () => {
    const reply = await h.command(PEOPLE.ana.id, 'fwd', { channelId: 'CITOPS' });
    const { status } = await h.press(
      PEOPLE.ana.id,
      'share_forwarding',
      buttonValue(reply.blocks, 'share_forwarding'),
      { channelId: 'CITOPS' },
    );
    expect(status).toBe(200);
    const opened = await h.slack.waitFor(
      'views.open',
      (args) => args.view?.callback_id === 'confirm_share',
    );
    const view = opened.args.view;
    expect(JSON.stringify(view?.blocks)).toMatch(/2 personal numbers/);
    expect(JSON.stringify(view?.blocks)).toMatch(/4 members of #it-ops/);
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CITOPS'),
    ).toHaveLength(0);

    const submitted = await postViewSubmission(
      h.appUrl,
      SIGNING_SECRET,
      viewSubmissionPayload({
        userId: PEOPLE.ana.id,
        teamId: TEAM_ID,
        callbackId: 'confirm_share',
        values: {},
        privateMetadata: view?.private_metadata,
      }),
    );
    expect(submitted.status).toBe(200);
    const post = await h.slack.waitFor('chat.postMessage', (args) => args.channel === 'CITOPS');
    const posted = `${post.args.text}${JSON.stringify(post.args.blocks)}`;
    expect(posted).toContain('+1 650 555 0123');
    expect(posted).toContain(`<@${PEOPLE.ana.id}>`);
    expect(posted).toMatch(/Shared by/);
    expect(posted).not.toContain('share_forwarding');
  });

  it('shares a lookup answer at once, rebuilt from the sharer’s own fresh answer', async () => {
    h.sandbox.resetRequests();
    const reply = await h.command(PEOPLE.john.id, 'numbers ext 105', { channelId: 'CITOPS' });
    const value = buttonValue(reply.blocks, 'share_in_channel');
    // The button names the command to run again, never the answer it sat under.
    expect(value).not.toMatch(/6503316253|650 331 6253/);
    await h.press(PEOPLE.john.id, 'share_in_channel', value, { channelId: 'CITOPS' });
    const post = await h.slack.waitFor(
      'chat.postMessage',
      (args) =>
        args.channel === 'CITOPS' && JSON.stringify(args.blocks).includes('+1 650 331 6253'),
    );
    expect(JSON.stringify(post.args.blocks)).toContain(`<@${PEOPLE.john.id}>`);
    expect(h.sandbox.countRequests({ extensionId: '159048008' })).toBeGreaterThan(0);
  });

  it('refuses to share where the bot cannot post, and in a DM, saying how to fix it', async () => {
    const reply = await h.command(PEOPLE.ana.id, 'numbers', { channelId: 'COUTSIDE' });
    const value = buttonValue(reply.blocks, 'share_in_channel');
    const outside = await h.press(PEOPLE.ana.id, 'share_in_channel', value, {
      channelId: 'COUTSIDE',
    });
    const refused = await h.slack.waitForResponse(outside.responseId);
    expect(shown(refused.body)).toMatch(/not a member of #random.*\/invite/);
    const dm = await h.press(PEOPLE.ana.id, 'share_in_channel', value, { channelId: 'D0000001' });
    expect(shown((await h.slack.waitForResponse(dm.responseId)).body)).toMatch(
      /not in direct messages/,
    );
  });

  it('refuses a share pressed after the sharer unlinked', async () => {
    await h.link(PEOPLE.ben.id, 'ben.okafor@example.com');
    const list = await h.command(PEOPLE.ben.id, 'fwd', { channelId: 'CITOPS' });
    await h.command(PEOPLE.ben.id, 'unlink');
    const press = await h.press(
      PEOPLE.ben.id,
      'share_forwarding',
      buttonValue(list.blocks, 'share_forwarding'),
      { channelId: 'CITOPS' },
    );
    const reply = await h.slack.waitForResponse(press.responseId);
    expect(shown(reply.body)).toContain('/oauth/ringcentral/start');
    expect(
      h.slack
        .callsTo('chat.postMessage')
        .filter((c) => JSON.stringify(c.args.blocks).includes('+1 650 555 0177')),
    ).toHaveLength(0);
  });
});
