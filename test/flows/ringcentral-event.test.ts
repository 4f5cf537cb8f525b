// A RingCentral event as a plain function: only a subscription this app made, with its own
// verification token, makes the cache forget, and only the identity it was made for.
import { subscriptionUpkeep } from '../../src/flows/event-subscriptions';
import { receiveRingCentralEvent, tokenHash } from '../../src/flows/ringcentral-event';
import { identityKeyOf } from '../../src/ringcentral/user-session';
import { ADMIN, type FakeServices, fakeServices, NOW } from '../support/fake-services';

const ANA = { teamId: 'T1', userId: 'UANA' };
const BEN = { teamId: 'T1', userId: 'UBEN' };
const ANA_ID = { ...ADMIN, extensionId: '104', isAdmin: false, name: 'Ana' };
const BEN_ID = { ...ADMIN, extensionId: '105', isAdmin: false, name: 'Ben' };

async function subscribed(
  fake: FakeServices,
  member: typeof ANA,
  identity: typeof ANA_ID,
  id: string,
) {
  await fake.link(member, identity);
  const owner = { accountId: identity.accountId, extensionId: identity.extensionId };
  await fake.services.subscriptions.claimNew(member, owner, NOW, NOW + 1000);
  await fake.services.subscriptions.saveCreated(
    member,
    null,
    {
      subscriptionId: id,
      tokenHash: tokenHash(`token-${id}`),
      expiresAt: NOW + 9e6,
      nextCheckAt: NOW + 1e6,
    },
    NOW,
  );
  // Something cached for this identity, to see whether it goes.
  await fake.services.cache.get(identityKeyOf(identity), 'numbers', async () => ['cached']);
}

describe('receiveRingCentralEvent', () => {
  let fake: FakeServices;
  beforeEach(async () => {
    fake = await fakeServices();
    await subscribed(fake, ANA, ANA_ID, 'sub-ana');
    await subscribed(fake, BEN, BEN_ID, 'sub-ben');
  });
  afterEach(() => fake.close());

  const cached = (identity: typeof ANA_ID) => fake.services.cache.countOf(identityKeyOf(identity));

  it('forgets the one identity the subscription was made for', async () => {
    const outcome = await receiveRingCentralEvent(fake.services, {
      subscriptionId: 'sub-ana',
      verificationToken: 'token-sub-ana',
    });
    expect(outcome).toBe('accepted');
    expect(cached(ANA_ID)).toBe(0);
    expect(cached(BEN_ID)).toBe(1);
    expect(fake.services.counters.value('cache_invalidations')).toBe(1);
  });

  it.each([
    ['no token', 'sub-ana', null, 'refused'],
    ['a wrong token', 'sub-ana', 'guess', 'refused'],
    // Ben's genuine token does not open Ana's subscription.
    ["another subscription's token", 'sub-ana', 'token-sub-ben', 'refused'],
    ['an unknown subscription', 'sub-nobody', 'token-sub-ana', 'unknown_subscription'],
    ['no subscription at all', null, 'token-sub-ana', 'unknown_subscription'],
  ])(
    'refuses %s and changes nothing',
    async (_case, subscriptionId, verificationToken, outcome) => {
      expect(
        await receiveRingCentralEvent(fake.services, { subscriptionId, verificationToken }),
      ).toBe(outcome);
      expect(cached(ANA_ID)).toBe(1);
      expect(cached(BEN_ID)).toBe(1);
      expect(fake.services.counters.value('ringcentral_events_refused')).toBe(1);
    },
  );

  it('does not touch the extension a member relinked to since the subscription was made', async () => {
    const other = { ...ANA_ID, extensionId: '107', name: 'Dev' };
    await fake.link(ANA, other);
    await fake.services.cache.get(identityKeyOf(other), 'numbers', async () => ['cached']);
    const outcome = await receiveRingCentralEvent(fake.services, {
      subscriptionId: 'sub-ana',
      verificationToken: 'token-sub-ana',
    });
    expect(outcome).toBe('accepted');
    expect(cached(other)).toBe(1);
  });
});

describe('subscription upkeep', () => {
  it('drops the subscription of a member who relinked to another extension (it was that one’s)', async () => {
    const fake = await fakeServices();
    try {
      await fake.link(ANA, ANA_ID);
      await fake.services.subscriptions.claimNew(
        ANA,
        { accountId: ANA_ID.accountId, extensionId: '104' },
        NOW - 10,
        NOW - 5,
      );
      await fake.link(ANA, { ...ANA_ID, extensionId: '107' });
      const done = await subscriptionUpkeep()(fake.services);
      expect(done).toEqual({ dropped: 1 });
      expect(await fake.services.subscriptions.get(ANA)).toBeNull();
    } finally {
      await fake.close();
    }
  });

  it('does nothing when events are off', async () => {
    const fake = await fakeServices();
    try {
      await fake.link(ANA, ANA_ID);
      const off = {
        ...fake.services,
        config: { ...fake.services.config, ringcentralEvents: 'off' as const },
      };
      expect(await subscriptionUpkeep()(off)).toEqual({});
      expect(await fake.services.subscriptions.get(ANA)).toBeNull();
    } finally {
      await fake.close();
    }
  });
});
