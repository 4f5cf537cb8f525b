/**
 * The sandbox's presence, checked against RingCentral's spec: one extension or a batch of up to
 * 30 (207 multipart/mixed), refused without the app permission ReadPresence, and a person's
 * `allowSeeMyPresence` off honoured for regular viewers. Every body validates against the
 * operation's (or, for errors, the spec's shared) response schema.
 */
import { readBatchParts } from '../../src/ringcentral/batch-response';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { apiGet, signIn, type TokenBody } from './helpers';
import { loadSpec, type Spec } from './openapi';

const PRESENCE = '/restapi/v1.0/account/{accountId}/extension/{extensionId}/presence';
// The presence operation lists only its 200; errors share the spec's common error responses.
const ERRORS = '/restapi/v2/accounts/{accountId}/phone-numbers';
const BEN = '435069008';
const DEV = '435071008';
const ANA = '435068008';
const SUPPORT = '435073008';

let spec: Spec;
let sb: Sandbox;
let admin: TokenBody;
let regular: TokenBody;

const path = (ids: string) => `/restapi/v1.0/account/~/extension/${ids}/presence`;
const get = (who: TokenBody, ids: string) => apiGet(sb, who.access_token, path(ids));
const batch = (who: TokenBody, ids: string) =>
  fetch(`${sb.url}${path(ids)}`, { headers: { authorization: `Bearer ${who.access_token}` } });

function expectValid(op: string, status: number, body: unknown) {
  const errors = spec.validator(op, 'get', String(status))(body);
  expect({ status, errors }).toEqual({ status, errors: [] });
}

beforeAll(async () => {
  spec = await loadSpec();
  sb = await startSandbox({ rateLimits: false });
  admin = await signIn(sb, 'john.smith@example.com');
  regular = await signIn(sb, '104');
});
afterAll(() => sb.close());

describe('one extension', () => {
  it.each([
    ['someone on Do not disturb', () => regular, BEN, 'Busy'],
    ['oneself, on a call', () => regular, '~', 'Busy'],
    ['a department (no person)', () => admin, SUPPORT, 'Offline'],
    ['someone hiding it, to an admin', () => admin, DEV, 'Busy'],
  ])('%s', async (_name, who, id, status) => {
    const answer = await get(who(), id);
    expect(answer.status).toBe(200);
    expectValid(PRESENCE, 200, answer.body);
    expect(answer.body.presenceStatus).toBe(status);
  });

  it('tells statuses of a person, and of no one else', async () => {
    const ben = (await get(regular, BEN)).body;
    expect(ben).toMatchObject({ dndStatus: 'DoNotAcceptAnyCalls', telephonyStatus: 'NoCall' });
    const own = (await get(regular, '~')).body;
    expect(own).toMatchObject({ telephonyStatus: 'CallConnected', extension: { id: Number(ANA) } });
    const department = (await get(admin, SUPPORT)).body;
    expect(department).not.toHaveProperty('telephonyStatus');
    expect(department).not.toHaveProperty('userStatus');
  });

  it('a person hiding their presence shows regular users only an Offline placeholder', async () => {
    const answer = await get(regular, DEV);
    expectValid(PRESENCE, 200, answer.body);
    expect(answer.body).toMatchObject({ presenceStatus: 'Offline', allowSeeMyPresence: false });
    for (const field of ['telephonyStatus', 'userStatus', 'dndStatus']) {
      expect(answer.body).not.toHaveProperty(field);
    }
    // Dev himself still sees his own.
    const dev = await signIn(sb, 'dev.patel@example.com');
    expect((await get(dev, '~')).body).toMatchObject({
      presenceStatus: 'Busy',
      userStatus: 'Busy',
    });
  });

  it('an unknown extension is 404', async () => {
    const answer = await get(regular, '1');
    expect(answer.status).toBe(404);
    expectValid(ERRORS, 404, answer.body);
  });
});

describe('a batch of extensions', () => {
  it('answers 207 multipart/mixed, each part in the order asked with its own status', async () => {
    const response = await batch(regular, `${BEN},${DEV},1,~`);
    expect(response.status).toBe(207);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=/);
    expect(response.headers.get('x-rate-limit-group')).toBe('Light');
    const parts = await readBatchParts<Record<string, unknown>>(response);
    expect(parts.map((part) => part.status)).toEqual([200, 200, 404, 200]);
    for (const part of parts) {
      if (part.status === 200) expectValid(PRESENCE, 200, part.body);
      else expectValid(ERRORS, 404, part.body);
    }
    expect(parts.map((part) => (part.body?.extension as { id?: number })?.id)).toEqual([
      Number(BEN),
      Number(DEV),
      undefined,
      Number(ANA),
    ]);
    expect(parts[1]?.body).toMatchObject({ allowSeeMyPresence: false, presenceStatus: 'Offline' });
  });

  it('takes 30 extensions in one request and refuses 31', async () => {
    const thirty = Array.from({ length: 30 }, () => BEN).join(',');
    const ok = await batch(admin, thirty);
    expect(ok.status).toBe(207);
    expect(await readBatchParts(ok)).toHaveLength(30);
    const refused = await get(admin, `${thirty},${BEN}`);
    expect(refused.status).toBe(400);
    expectValid(ERRORS, 400, refused.body);
    expect(refused.body.errorCode).toBe('InvalidMultipartRequest');
  });
});

describe('the app permission ReadPresence', () => {
  afterEach(() => sb.setAppPermissions(['ReadAccounts', 'ReadPresence']));

  it('without it, every presence request is refused, one or many; the rest still works', async () => {
    sb.setAppPermissions(['ReadAccounts']);
    for (const ids of [BEN, `${BEN},${DEV}`]) {
      const answer = await get(regular, ids);
      expect(answer.status).toBe(403);
      expectValid(ERRORS, 403, answer.body);
      expect(answer.body.errorCode).toBe('CMN-401');
      expect(answer.body.message).toContain('[ReadPresence]');
    }
    expect((await apiGet(sb, regular.access_token, '/restapi/v1.0/account/~')).status).toBe(200);
    sb.setAppPermissions(['ReadAccounts', 'ReadPresence']);
    expect((await get(regular, BEN)).status).toBe(200);
  });

  it('is an option of the sandbox, and presence a knob', async () => {
    const bare = await startSandbox({ rateLimits: false, appPermissions: ['ReadAccounts'] });
    try {
      const token = await signIn(bare, '104');
      expect((await apiGet(bare, token.access_token, path(BEN))).status).toBe(403);
    } finally {
      await bare.close();
    }
    sb.setPresence('105', { dndStatus: 'TakeAllCalls', telephonyStatus: 'OnHold' });
    expect((await get(regular, BEN)).body).toMatchObject({
      presenceStatus: 'Busy',
      telephonyStatus: 'OnHold',
      dndStatus: 'TakeAllCalls',
    });
    sb.setPresence('105', { dndStatus: 'DoNotAcceptAnyCalls', telephonyStatus: 'NoCall' });
  });
});
