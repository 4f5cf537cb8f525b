/**
 * RingCentral's two call-handling backends in the sandbox: the features endpoint tells them
 * apart as the migration guide shows, v1.0 forwarding-number refuses an upgraded extension, the
 * v2 call-flip list and forwarding targets answer on the new backend only, with the same
 * visibility as v1.0, and every answer matches the spec's schemas.
 */
import { generateCompany, type Sandbox, startSandbox } from '../../src/sandbox';
import { type Answer, apiGet, records, signIn } from './helpers';
import { loadSpec, type Spec } from './openapi';

const V1 = '/restapi/v1.0/account/{accountId}/extension/{extensionId}';
const V2 = '/restapi/v2/accounts/{accountId}/extensions/{extensionId}';
const OP = {
  features: `${V1}/features`,
  forwarding: `${V1}/forwarding-number`,
  extension: V1,
  flip: `${V2}/call-flip-numbers`,
  targets: `${V2}/comm-handling/voice/forwarding-targets`,
  errorBody: '/restapi/v2/accounts/{accountId}/phone-numbers',
};
const LENA = '435075008';
const ANA = '435068008';
const QUEUE = '435073008';
const FEATURE = 'featureId=NewCallHandlingAndForwarding';

let spec: Spec;
let sb: Sandbox;
let admin: string;
let lena: string;
let ana: string;

function expectValid(op: string, a: Answer, status = 200): void {
  expect(a.status).toBe(status);
  const errors = spec.validator(op, 'get', String(status))(a.body);
  expect({ op, errors }).toEqual({ op, errors: [] });
}

/** The body every RingCentral error has; the spec gives it for v2 numbers' 403. */
function expectErrorBody(a: Answer, status: number, errorCode: string): void {
  expect(a.status).toBe(status);
  expect(a.body).toMatchObject({ errorCode });
  expect(spec.validator(OP.errorBody, 'get', '403')(a.body)).toEqual([]);
}

const backendFlag = (a: Answer) =>
  (records(a)[0]?.params as Array<{ name: string; value: string }> | undefined)?.find(
    (p) => p.name === 'isNewBackendAvailable',
  )?.value;

beforeAll(async () => {
  spec = await loadSpec();
  sb = await startSandbox({ rateLimits: false });
  admin = (await signIn(sb, 'john.smith@example.com')).access_token;
  lena = (await signIn(sb, 'lena.fischer@example.com')).access_token;
  ana = (await signIn(sb, 'ana.ruiz@example.com')).access_token;
});

afterAll(() => sb.close());

describe('the features endpoint tells the backends apart', () => {
  it('both answer available, isNewBackendAvailable "true" only on the new one', async () => {
    const own = await apiGet(sb, lena, `/restapi/v1.0/account/~/extension/~/features?${FEATURE}`);
    expectValid(OP.features, own);
    expect(records(own)).toEqual([
      {
        id: 'NewCallHandlingAndForwarding',
        available: true,
        params: [{ name: 'isNewBackendAvailable', value: 'true' }],
      },
    ]);
    const legacy = await apiGet(sb, ana, `/restapi/v1.0/account/~/extension/~/features?${FEATURE}`);
    expect(records(legacy)[0]?.available).toBe(true);
    expect(backendFlag(legacy)).toBe('false');
  });

  it('an admin reads anyone’s; a regular user only their own', async () => {
    const path = (id: string) => `/restapi/v1.0/account/~/extension/${id}/features?${FEATURE}`;
    expect(backendFlag(await apiGet(sb, admin, path(LENA)))).toBe('true');
    expect(backendFlag(await apiGet(sb, admin, path(ANA)))).toBe('false');
    expectErrorBody(await apiGet(sb, ana, path(LENA)), 403, 'CMN-408');
    expectValid(
      OP.features,
      await apiGet(sb, admin, '/restapi/v1.0/account/~/extension/~/features'),
    );
  });
});

describe('v1.0 and v2 each answer on their own backend', () => {
  it('v1.0 forwarding-number refuses an upgraded extension with 403 CMN-468', async () => {
    const own = `/restapi/v1.0/account/~/extension/~/forwarding-number`;
    expectErrorBody(await apiGet(sb, lena, own), 403, 'CMN-468');
    const byAdmin = `/restapi/v1.0/account/~/extension/${LENA}/forwarding-number`;
    expectErrorBody(await apiGet(sb, admin, byAdmin), 403, 'CMN-468');
  });

  it('the v2 lists answer on the new backend, per the spec', async () => {
    const flip = await apiGet(sb, lena, '/restapi/v2/accounts/~/extensions/~/call-flip-numbers');
    expectValid(OP.flip, flip);
    expect(records(flip).map((r) => [r.phoneNumber, r.type, r.flipNumber])).toEqual([
      ['+15125550180', 'PhoneLine', '1'],
      ['+14155550142', 'External', '2'],
    ]);
    const targets = await apiGet(
      sb,
      admin,
      `/restapi/v2/accounts/~/extensions/${LENA}/comm-handling/voice/forwarding-targets`,
    );
    expectValid(OP.targets, targets);
    expect(records(targets).map((r) => r.type)).toEqual([
      'DeviceRingTarget',
      'PhoneNumberRingTarget',
      'PhoneNumberRingTarget',
    ]);
    const others = await apiGet(
      sb,
      lena,
      '/restapi/v2/accounts/~/extensions/~/comm-handling/voice/forwarding-targets?excludeOwnTargets=true&perPage=1',
    );
    expectValid(OP.targets, others);
    expect(records(others)).toEqual([
      {
        type: 'PhoneNumberRingTarget',
        destination: { phoneNumber: '+14155550142' },
        name: 'Mobile',
      },
    ]);
    expect(others.body.paging).toMatchObject({ page: 1, perPage: 1, totalElements: 2 });
  });

  it('the v2 lists refuse an extension on the old backend', async () => {
    const flip = `/restapi/v2/accounts/~/extensions/${ANA}/call-flip-numbers`;
    expectErrorBody(await apiGet(sb, admin, flip), 403, 'CMN-468');
  });

  it('a regular user reads nobody else’s list on either backend', async () => {
    for (const path of [
      `/restapi/v2/accounts/~/extensions/${LENA}/call-flip-numbers`,
      `/restapi/v2/accounts/~/extensions/${LENA}/comm-handling/voice/forwarding-targets`,
      `/restapi/v1.0/account/~/extension/${LENA}/forwarding-number`,
    ]) {
      expectErrorBody(await apiGet(sb, ana, path), 403, 'CMN-408');
    }
  });

  it('queues have no lists (400), unknown extensions are 404, both per the spec', async () => {
    const queue = await apiGet(
      sb,
      admin,
      `/restapi/v2/accounts/~/extensions/${QUEUE}/call-flip-numbers`,
    );
    expectValid(OP.flip, queue, 400);
    const unknown = await apiGet(
      sb,
      admin,
      '/restapi/v2/accounts/~/extensions/1/call-flip-numbers',
    );
    expectValid(OP.flip, unknown, 404);
  });

  it('her extension record names her site, per the spec', async () => {
    const own = await apiGet(sb, lena, '/restapi/v1.0/account/~/extension/~');
    expectValid(OP.extension, own);
    expect(own.body.site).toMatchObject({ name: 'Austin Office', code: '1007' });
  });
});

describe('a whole account on the new backend', () => {
  let upgraded: Sandbox;
  let token: string;

  beforeAll(async () => {
    upgraded = await startSandbox({
      rateLimits: false,
      upgradedAccount: true,
      company: generateCompany({ seed: 12, extensions: 120, numbers: 200 }),
    });
    token = (await signIn(upgraded, upgraded.people()[0]?.email ?? '')).access_token;
  });

  afterAll(() => upgraded.close());

  it('keeps everyone’s numbers in the v2 lists, each answer per the spec', async () => {
    let people = 0;
    for (const ext of upgraded.company.extensions.slice(0, 60)) {
      const v1 = await apiGet(
        upgraded,
        token,
        `/restapi/v1.0/account/~/extension/${ext.id}/forwarding-number`,
      );
      if (v1.status === 400) continue;
      people += 1;
      expect(v1.status).toBe(403);
      const base = `/restapi/v2/accounts/~/extensions/${ext.id}`;
      const flip = await apiGet(upgraded, token, `${base}/call-flip-numbers`);
      expectValid(OP.flip, flip);
      const targets = await apiGet(
        upgraded,
        token,
        `${base}/comm-handling/voice/forwarding-targets`,
      );
      expectValid(OP.targets, targets);
      const numbers = new Set(
        [...records(flip), ...records(targets)].map(
          (r) =>
            r.phoneNumber ??
            (r.destination as { phoneNumber?: string } | undefined)?.phoneNumber ??
            (r.device as { phoneNumber?: string } | undefined)?.phoneNumber,
        ),
      );
      expect([...numbers].sort()).toEqual(
        [...new Set(ext.forwarding.map((f) => f.phoneNumber))].sort(),
      );
    }
    expect(people).toBeGreaterThan(20);
  });
});
