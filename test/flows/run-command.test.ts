// The command flow as a plain function: what `/rcnumber …` answers, with a fake Services.
import type { Message } from '../../src/blocks';
import { runCommand } from '../../src/flows/run-command';
import { ADMIN, type FakeServices, fakeServices } from '../support/fake-services';

const MEMBER = { teamId: 'T1', userId: 'U1' };

async function run(fake: FakeServices, text: string, channelId = 'C1'): Promise<Message[]> {
  const replies: Message[] = [];
  const record = async (message: Message) => {
    replies.push(message);
  };
  await runCommand(
    fake.services,
    { text, ...MEMBER, channelId, responseUrl: 'https://hooks.test/r', triggerId: 'trig' },
    { progress: record, answer: record },
  );
  return replies;
}

const buttonUrls = (message: Message) =>
  JSON.stringify(message.blocks)
    .match(/"url":"([^"]+)"/g)
    ?.map((m) => m.slice(7, -1)) ?? [];

describe('runCommand', () => {
  let fake: FakeServices;
  beforeEach(async () => {
    fake = await fakeServices({
      ringcentral: {
        '/restapi/v1.0/account/~/extension/~/forwarding-number': {
          records: [
            {
              phoneNumber: '+16505550123',
              label: 'Mobile',
              type: 'Mobile',
              features: ['CallFlip'],
              flipNumber: '1',
            },
          ],
          paging: { page: 1, totalPages: 1 },
        },
        '/restapi/v1.0/account/~/extension/~/phone-number': {
          records: [{ phoneNumber: '+16503316252', usageType: 'DirectNumber' }],
          paging: { page: 1, totalPages: 1 },
        },
      },
    });
  });
  afterEach(() => fake.close());

  test('help answers the usage once, without asking RingCentral', async () => {
    const replies = await run(fake, 'help');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(/ext/);
    expect(fake.rcCalls).toEqual([]);
  });

  test('an unknown command gets a short error and the usage, never a trace', async () => {
    const [reply] = await run(fake, 'frobnicate the numbers');
    expect(reply?.text).not.toMatch(/Error:|at \w+ \(/);
    expect(JSON.stringify(reply?.blocks)).toMatch(/forwarding/);
    expect(fake.rcCalls).toEqual([]);
  });

  test('an unlinked member asking for forwarding gets a Connect button under PUBLIC_URL', async () => {
    const [reply] = await run(fake, 'fwd');
    const urls = buttonUrls(reply as Message);
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/^https:\/\/rcnumber\.test\/oauth\/ringcentral\/start\?t=/);
    expect(fake.rcCalls).toEqual([]);
  });

  test('a linked member gets their own forwarding list from their own session', async () => {
    await fake.link(MEMBER);
    const [reply] = await run(fake, 'fwd');
    expect(reply?.text).toMatch(/ext 101 John Smith: 1 number/);
    expect(JSON.stringify(reply?.blocks)).toMatch(/\+1 650.555.0123/);
    // The extension's own numbers tell the company's from personal ones: one more Light read.
    expect(fake.rcCalls).toEqual([
      '/restapi/v1.0/account/~/extension/~/forwarding-number',
      '/restapi/v1.0/account/~/extension/~/phone-number',
    ]);
    expect(JSON.stringify(reply?.blocks)).toMatch(/personal/i);
  });

  test('answers in a DM carry no Share button; in a channel they do', async () => {
    await fake.link(MEMBER);
    const [inDm] = await run(fake, 'fwd', 'D1');
    const [inChannel] = await run(fake, 'fwd', 'C1');
    expect(JSON.stringify(inDm?.blocks)).not.toMatch(/share_forwarding/);
    expect(JSON.stringify(inChannel?.blocks)).toMatch(/share_forwarding/);
  });

  test('onboard asks RingCentral for the role once and refuses a regular user in words', async () => {
    await fake.link(MEMBER, { ...ADMIN, isAdmin: false });
    const [reply] = await run(fake, 'onboard <@U2>');
    expect(reply?.text).toMatch(/admin/i);
    expect(fake.rcCalls).toEqual(['/restapi/v1.0/account/~/extension/~']);
    expect(fake.slackCalls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });

  test('unlink forgets the link: the next command gets the Connect prompt', async () => {
    await fake.link(MEMBER);
    await run(fake, 'unlink');
    expect(await fake.services.links.getLink(MEMBER)).toBeNull();
    const [reply] = await run(fake, 'me');
    expect(buttonUrls(reply as Message)[0]).toMatch(/oauth\/ringcentral\/start/);
  });

  test('/rcnumber alone opens the lookup modal with the trigger id', async () => {
    const replies = await run(fake, '');
    expect(replies).toEqual([]);
    expect(fake.slackCalls[0]).toMatchObject({
      method: 'views.open',
      args: { trigger_id: 'trig' },
    });
  });
});
