// Sharing a forwarding list: always through the confirmation, counted again at Share time, with
// every number outside the company counted as personal and outside organisations named.
import type { ForwardingNumber } from '../../src/sandbox/company/company';
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
import { within } from '../support/wait';

describe('sharing forwarding lists', () => {
  let h: Harness;
  const { john, ana, dev } = PEOPLE;

  beforeAll(async () => {
    h = await startHarness();
    await h.link(john.id, john.email);
    await h.link(ana.id, ana.email);
    await h.link(dev.id, dev.email);
    h.slack.addChannel({ id: 'CITOPS', name: 'it-ops', members: [john.id, ana.id, dev.id] });
    h.slack.addChannel({
      id: 'CPARTNER',
      name: 'partners',
      is_ext_shared: true,
      members: [john.id, 'UEXTERNAL'],
    });
  });
  afterAll(async () => {
    await h.close();
  });

  const since = (mark: number, method: string) =>
    h.slack.calls.slice(mark).filter((call) => call.method === method);

  /** Presses "Share in channel" under `userId`'s own `fwd` reply; resolves with the modal. */
  async function confirmation(userId: string, channelId: string, text = 'fwd') {
    const list = await h.command(userId, text, { channelId });
    const mark = h.slack.calls.length;
    await h.press(userId, 'share_forwarding', buttonValue(list.blocks, 'share_forwarding'), {
      channelId,
    });
    return modalOpenedSince(mark);
  }

  async function modalOpenedSince(mark: number) {
    const opened = await h.slack.waitFor(
      'views.open',
      (args, call) =>
        h.slack.calls.indexOf(call) >= mark && args.view?.callback_id === 'confirm_share',
    );
    return {
      text: JSON.stringify(opened.args.view?.blocks),
      metadata: String(opened.args.view?.private_metadata),
    };
  }

  const submit = (userId: string, privateMetadata: string) =>
    postViewSubmission(
      h.appUrl,
      SIGNING_SECRET,
      viewSubmissionPayload({
        userId,
        teamId: TEAM_ID,
        callbackId: 'confirm_share',
        values: {},
        privateMetadata,
      }),
    );

  it('asks first even when the list holds no personal numbers, and says so', async () => {
    const mark = h.slack.calls.length;
    const modal = await confirmation(dev.id, 'CITOPS');
    expect(modal.text).toContain('This list holds no personal numbers.');
    expect(modal.text).toContain('4 members of #it-ops');
    expect(modal.text).not.toContain('other organisations');
    expect(since(mark, 'chat.postMessage')).toEqual([]);

    await submit(dev.id, modal.metadata);
    const post = await h.slack.waitFor(
      'chat.postMessage',
      (args) => args.channel === 'CITOPS' && JSON.stringify(args.blocks).includes('Dev Patel'),
    );
    expect(JSON.stringify(post.args.blocks)).toContain('+1 480 396 0005');
  });

  it('asks again when a personal number appeared before Share was pressed', async () => {
    const modal = await confirmation(ana.id, 'CITOPS');
    expect(modal.text).toContain('2 personal numbers');
    const forwarding = h.sandbox.company.extensions.find((e) => e.id === '435068008')?.forwarding;
    const added: ForwardingNumber = {
      id: '60019',
      phoneNumber: '+12125550142',
      label: 'Partner desk',
      type: 'Work',
      features: ['CallForwarding'],
      flipNumber: '4',
    };
    forwarding?.push(added);
    try {
      const mark = h.slack.calls.length;
      expect((await submit(ana.id, modal.metadata)).status).toBe(200);
      const again = await modalOpenedSince(mark);
      expect(again.text).toContain('The list changed since you confirmed it.');
      expect(again.text).toContain('3 personal numbers');
      expect(since(mark, 'chat.postMessage')).toEqual([]);

      await submit(ana.id, again.metadata);
      const post = await h.slack.waitFor(
        'chat.postMessage',
        (args) => args.channel === 'CITOPS' && JSON.stringify(args.blocks).includes('Ana Ruiz'),
      );
      expect(JSON.stringify(post.args.blocks)).toContain('+1 212 555 0142');
    } finally {
      forwarding?.splice(forwarding.indexOf(added), 1);
    }
  });

  it('counts a number labelled and typed Work as personal when it is outside the company', async () => {
    const reply = shown(await h.command(john.id, 'fwd'));
    const line = reply.split('\\n').find((part) => part.includes('+1 855 987 8944'));
    expect(line).toContain('Work');
    expect(line).toContain('_personal_');
    // The desk phone is a company device: not personal.
    expect(reply.split('\\n').find((part) => part.includes('+1 760 941 0044'))).not.toContain(
      '_personal_',
    );
    expect(reply).toContain('1 personal number');
    expect((await confirmation(john.id, 'CITOPS')).text).toContain('1 personal number');
  });

  it('names a channel shared with other organisations in the confirmation', async () => {
    const mark = h.slack.calls.length;
    const modal = await confirmation(john.id, 'CPARTNER');
    expect(modal.text).toContain('#partners is shared with other organisations');
    expect(modal.text).toContain('1 personal number');
    expect(since(mark, 'chat.postMessage')).toEqual([]);
  });

  it('asks first before any other answer goes to a channel shared with other organisations', async () => {
    const reply = await h.command(john.id, 'ext 105', { channelId: 'CPARTNER' });
    const mark = h.slack.calls.length;
    const value = buttonValue(reply.blocks, 'share_in_channel');
    await h.press(john.id, 'share_in_channel', value, { channelId: 'CPARTNER' });
    const modal = await modalOpenedSince(mark);
    expect(modal.text).toContain('This shows the reply to');
    expect(modal.text).toContain('#partners is shared with other organisations');
    expect(modal.text).not.toContain('personal number');
    expect(since(mark, 'chat.postMessage')).toEqual([]);

    // Someone else submitting John's confirmation posts nothing.
    expect((await submit(ana.id, modal.metadata)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(since(mark, 'chat.postMessage')).toEqual([]);

    expect((await submit(john.id, modal.metadata)).status).toBe(200);
    const posted = await h.slack.waitFor(
      'chat.postMessage',
      (args, call) => h.slack.calls.indexOf(call) >= mark && args.channel === 'CPARTNER',
    );
    expect(JSON.stringify(posted.args)).toContain('Ben Okafor');
    // Recorded in the audit trail once posted, as confirmed.
    const recorded = async () => {
      const { items } = await h.store.audit.recentShares({
        teamId: TEAM_ID,
        accountId: '159048008',
        since: 0,
        offset: 0,
        limit: 50,
      });
      return items.find((share) => share.channelId === 'CPARTNER' && share.command === 'ext 105');
    };
    await within(async () => (await recorded()) !== undefined, 2_000);
    expect(await recorded()).toMatchObject({
      confirmed: true,
      personalCount: 0,
      sharedExternally: true,
    });
  });

  it('posts other answers at once in a channel of the company only', async () => {
    const reply = await h.command(john.id, 'ext 105', { channelId: 'CITOPS' });
    const mark = h.slack.calls.length;
    await h.press(john.id, 'share_in_channel', buttonValue(reply.blocks, 'share_in_channel'), {
      channelId: 'CITOPS',
    });
    await h.slack.waitFor(
      'chat.postMessage',
      (args, call) => h.slack.calls.indexOf(call) >= mark && args.channel === 'CITOPS',
    );
    expect(since(mark, 'views.open')).toEqual([]);
  });
});
