// Button and onboarding flows as plain functions, with a fake Services.
import { AppError } from '../../src/errors';
import { answerAction } from '../../src/flows/answer-action';
import { noteConnectClicked } from '../../src/flows/buttons';
import { shareFromButton } from '../../src/flows/share-buttons';
import { welcomeOnce } from '../../src/flows/welcome';
import { type FakeServices, fakeServices, NOW } from '../support/fake-services';

const ANA = { teamId: 'T1', userId: 'UANA' };
const GUEST = { teamId: 'T1', userId: 'UGUEST' };

describe('button flows', () => {
  let fake: FakeServices;
  beforeEach(async () => {
    fake = await fakeServices({
      people: {
        UANA: { email: 'ana.ruiz@example.com', realName: 'Ana Ruiz' },
        UGUEST: { email: 'guest@elsewhere.example', isGuest: true },
      },
    });
  });
  afterEach(() => fake.close());

  const inModal = () => ({
    client: fake.slack,
    member: ANA,
    place: { view: { id: 'V1' } },
  });

  test('a failed action shows the failure in words where the button was', async () => {
    await answerAction(fake.services, inModal(), async () => {
      throw new AppError('forbidden', 'RingCentral said 403');
    });
    const update = fake.slackCalls.find((call) => call.method === 'views.update');
    expect(JSON.stringify(update?.args.view)).toMatch(/RingCentral role does not allow/);
  });

  test('work that answered elsewhere leaves the place alone', async () => {
    await answerAction(fake.services, inModal(), async () => null);
    expect(fake.slackCalls).toEqual([]);
  });

  test('a share button whose value was not signed for this member is refused in words', async () => {
    expect(
      await shareFromButton(fake.services, inModal(), '{"c":"company"}', {
        channelId: 'C1',
      }),
    ).toBeNull();
    const update = fake.slackCalls.find((call) => call.method === 'views.update');
    expect(JSON.stringify(update?.args.view)).toMatch(/changed; nothing was done/);
    expect(fake.slackCalls.filter((call) => call.method === 'chat.postMessage')).toEqual([]);
  });

  test('clicking Connect schedules one reminder a day later, unless already linked', async () => {
    await noteConnectClicked(fake.services, ANA);
    expect((await fake.services.members.getMember(ANA))?.reminderDueAt).toBe(NOW + 86_400_000);
    await fake.link(GUEST);
    await noteConnectClicked(fake.services, GUEST);
    expect(await fake.services.members.getMember(GUEST)).toBeNull();
  });
});

describe('welcome', () => {
  let fake: FakeServices;
  beforeEach(async () => {
    fake = await fakeServices({
      people: {
        UANA: { email: 'ana.ruiz@example.com' },
        UGUEST: { email: 'guest@elsewhere.example', isGuest: true },
      },
    });
  });
  afterEach(() => fake.close());

  const dms = () => fake.slackCalls.filter((call) => call.method === 'chat.postMessage');

  test('a new member gets exactly one welcome DM, however often it is asked for', async () => {
    expect(await welcomeOnce(fake.services, ANA)).toBe(true);
    expect(await welcomeOnce(fake.services, ANA)).toBe(false);
    expect(dms().map((call) => call.args.channel)).toEqual(['UANA']);
    expect(JSON.stringify(dms()[0]?.args.blocks)).toMatch(/oauth\/ringcentral\/start/);
  });

  test('guests and linked members get none', async () => {
    expect(await welcomeOnce(fake.services, GUEST)).toBe(false);
    await fake.link(ANA);
    expect(await welcomeOnce(fake.services, ANA)).toBe(false);
    expect(dms()).toEqual([]);
  });
});
