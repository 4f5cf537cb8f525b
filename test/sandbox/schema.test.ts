/**
 * Every kind of answer the sandbox gives for the operations the app uses validates against the
 * response schema of that same operation in RingCentral's official OpenAPI spec, for the guide's
 * company (admin and regular views) and for a generated company with every type of data.
 */
import { generateCompany, type Sandbox, startSandbox } from '../../src/sandbox';
import {
  type Answer,
  apiGet,
  apiPost,
  refresh,
  signIn,
  type TokenBody,
  tokenRequest,
} from './helpers';
import { loadSpec, type Spec } from './openapi';

const V1 = '/restapi/v1.0/account/{accountId}';
const OP = {
  account: V1,
  extensions: `${V1}/extension`,
  extension: `${V1}/extension/{extensionId}`,
  extensionNumbers: `${V1}/extension/{extensionId}/phone-number`,
  accountNumbers: `${V1}/phone-number`,
  forwarding: `${V1}/extension/{extensionId}/forwarding-number`,
  directory: `${V1}/directory/entries`,
  search: `${V1}/directory/entries/search`,
  v2Numbers: '/restapi/v2/accounts/{accountId}/phone-numbers',
  token: '/restapi/oauth/token',
};

let spec: Spec;
let sb: Sandbox;
let admin: TokenBody;
let regular: TokenBody;

function expectValid(op: string, method: string, a: Answer, status = 200): void {
  expect(a.status).toBe(status);
  const errors = spec.validator(op, method, String(status))(a.body);
  expect({ op, status, errors }).toEqual({ op, status, errors: [] });
}

beforeAll(async () => {
  spec = await loadSpec();
  sb = await startSandbox({ rateLimits: false });
  admin = await signIn(sb, 'john.smith@example.com');
  regular = await signIn(sb, '104');
});

afterAll(() => sb.close());

describe('guide company answers match the spec', () => {
  const get = (who: () => TokenBody, path: string) => apiGet(sb, who().access_token, path);
  const cases: Array<[string, () => TokenBody, string, string]> = [
    ['account', () => regular, OP.account, '/restapi/v1.0/account/~'],
    ['extension list (admin)', () => admin, OP.extensions, '/restapi/v1.0/account/~/extension'],
    [
      'extension list (regular)',
      () => regular,
      OP.extensions,
      '/restapi/v1.0/account/~/extension?perPage=3&page=2',
    ],
    ['own extension', () => regular, OP.extension, '/restapi/v1.0/account/~/extension/~'],
    [
      'other extension (regular)',
      () => regular,
      OP.extension,
      '/restapi/v1.0/account/159048008/extension/159048008',
    ],
    [
      'other extension (admin)',
      () => admin,
      OP.extension,
      '/restapi/v1.0/account/~/extension/1201056008',
    ],
    [
      'own numbers',
      () => regular,
      OP.extensionNumbers,
      '/restapi/v1.0/account/~/extension/~/phone-number',
    ],
    [
      'other numbers (regular)',
      () => regular,
      OP.extensionNumbers,
      '/restapi/v1.0/account/~/extension/159048008/phone-number',
    ],
    [
      'other numbers (admin)',
      () => admin,
      OP.extensionNumbers,
      '/restapi/v1.0/account/~/extension/435074008/phone-number',
    ],
    ['account numbers', () => admin, OP.accountNumbers, '/restapi/v1.0/account/~/phone-number'],
    [
      'own forwarding',
      () => regular,
      OP.forwarding,
      '/restapi/v1.0/account/~/extension/~/forwarding-number',
    ],
    [
      'other forwarding (admin)',
      () => admin,
      OP.forwarding,
      '/restapi/v1.0/account/~/extension/435068008/forwarding-number',
    ],
    ['directory', () => regular, OP.directory, '/restapi/v1.0/account/~/directory/entries'],
    [
      'v2 numbers',
      () => admin,
      OP.v2Numbers,
      '/restapi/v2/accounts/~/phone-numbers?phoneNumber=%2B165033*',
    ],
  ];

  it.each(cases)('%s', async (_name, who, op, path) => {
    expectValid(op, 'get', await get(who, path));
  });

  it('directory search', async () => {
    const a = await apiPost(
      sb,
      regular.access_token,
      '/restapi/v1.0/account/~/directory/entries/search',
      {
        searchString: 'smith',
      },
    );
    expectValid(OP.search, 'post', a);
    expect((a.body.records as unknown[]).length).toBeGreaterThan(0);
  });

  it('token answers (code grant and refresh)', async () => {
    const fresh = await signIn(sb, 'ben.okafor@example.com');
    expectValid(OP.token, 'post', { status: 200, headers: new Headers(), body: fresh });
    expectValid(OP.token, 'post', await refresh(sb, fresh.refresh_token));
  });
});

describe('error answers match the spec', () => {
  it('403 for a missing permission (v2 numbers)', async () => {
    const a = await apiGet(sb, regular.access_token, '/restapi/v2/accounts/~/phone-numbers');
    expectValid(OP.v2Numbers, 'get', a, 403);
  });

  it('404 for an unknown extension', async () => {
    const a = await apiGet(
      sb,
      regular.access_token,
      '/restapi/v1.0/account/~/extension/1/phone-number',
    );
    expectValid(OP.extensionNumbers, 'get', a, 404);
  });

  it('400 for a department forwarding list and for a bad perPage', async () => {
    const dept = await apiGet(
      sb,
      admin.access_token,
      '/restapi/v1.0/account/~/extension/435073008/forwarding-number',
    );
    expectValid(OP.forwarding, 'get', dept, 400);
    const bad = await apiGet(
      sb,
      admin.access_token,
      '/restapi/v1.0/account/~/extension/~/forwarding-number?perPage=0',
      { breaksSpec: true },
    );
    expectValid(OP.forwarding, 'get', bad, 400);
  });

  it('429 when rate limited (v2 numbers)', async () => {
    sb.faults.next({ status: 429, retryAfterSec: 5 });
    const a = await apiGet(sb, admin.access_token, '/restapi/v2/accounts/~/phone-numbers');
    expectValid(OP.v2Numbers, 'get', a, 429);
  });

  it('400 invalid_grant from the token endpoint', async () => {
    const a = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: 'nope' });
    expectValid(OP.token, 'post', a, 400);
  });

  it('the validator does reject a body that breaks the schema', async () => {
    const a = await apiGet(sb, admin.access_token, '/restapi/v2/accounts/~/phone-numbers');
    const broken = structuredClone(a.body) as { records: Array<Record<string, unknown>> };
    (broken.records[0] as Record<string, unknown>).phoneNumber = '16503316252';
    expect(spec.validator(OP.v2Numbers, 'get')(broken)).not.toEqual([]);
  });
});

describe('generated company answers match the spec', () => {
  let big: Sandbox;
  let token: string;

  beforeAll(async () => {
    big = await startSandbox({
      rateLimits: false,
      company: generateCompany({ seed: 7, extensions: 400, numbers: 800 }),
    });
    token = (await signIn(big, big.people()[0]?.email ?? '')).access_token;
  });

  afterAll(() => big.close());

  it.each([
    [OP.extensions, '/restapi/v1.0/account/~/extension?perPage=1000'],
    [OP.accountNumbers, '/restapi/v1.0/account/~/phone-number?perPage=1000'],
    [OP.v2Numbers, '/restapi/v2/accounts/~/phone-numbers?perPage=1000'],
    [OP.directory, '/restapi/v1.0/account/~/directory/entries?perPage=1000'],
  ])('%s', async (op, path) => {
    expectValid(op, 'get', await apiGet(big, token, path));
  });

  it('every extension and its numbers and forwarding list', async () => {
    for (const ext of big.company.extensions.slice(0, 60)) {
      const base = `/restapi/v1.0/account/~/extension/${ext.id}`;
      expectValid(OP.extension, 'get', await apiGet(big, token, base));
      expectValid(OP.extensionNumbers, 'get', await apiGet(big, token, `${base}/phone-number`));
      const fwd = await apiGet(big, token, `${base}/forwarding-number`);
      expectValid(OP.forwarding, 'get', fwd, fwd.status === 400 ? 400 : 200);
    }
  });
});
