// Reading RingCentral's batch answers (207 multipart/mixed), by the session straight from the
// answer, and asking for presence in batches: ids joined by commas in the path, one request for
// up to 30, a plain JSON answer for one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAppError } from '../../src/errors';
import { AccountApi } from '../../src/ringcentral/account-api';
import { readBatchParts } from '../../src/ringcentral/batch-response';
import { RateBudget } from '../../src/ringcentral/rate-budget';
import type { TokenRefresher } from '../../src/ringcentral/token-refresher';
import { type RingCentralHttp, UserSession } from '../../src/ringcentral/user-session';
import type { Link } from '../../src/store/types';

// The shape of RingCentral's guide and its SDK's own test: LF line ends, an error part.
const BOUNDARY = 'Boundary_1245_945802293_1394135045248';
const MULTIPART = [
  `--${BOUNDARY}`,
  'Content-Type: application/json',
  '',
  '{ "response" : [ { "status" : 200 }, { "status" : 404 }, { "status" : 200 } ] }',
  `--${BOUNDARY}`,
  'Content-Type: application/json',
  '',
  '{ "presenceStatus" : "Available" }',
  `--${BOUNDARY}`,
  'Content-Type: application/json',
  '',
  '{ "message" : "object not found" }',
  `--${BOUNDARY}`,
  'Content-Type: application/json',
  '',
  '{ "presenceStatus" : "Busy" }',
  `--${BOUNDARY}--`,
  '',
].join('\n');

const multipart = (body: string, type = `multipart/mixed; boundary=${BOUNDARY}`) =>
  new Response(body, {
    status: 207,
    headers: { 'content-type': type, 'x-rate-limit-group': 'Light' },
  });

describe('readBatchParts', () => {
  it('gives each resource its own status and body, in order', async () => {
    expect(await readBatchParts(multipart(MULTIPART))).toEqual([
      { status: 200, body: { presenceStatus: 'Available' } },
      { status: 404, body: { message: 'object not found' } },
      { status: 200, body: { presenceStatus: 'Busy' } },
    ]);
  });

  it('reads CRLF line ends and a quoted boundary the same way', async () => {
    const crlf = MULTIPART.replace(/\n/g, '\r\n');
    const parts = await readBatchParts(multipart(crlf, `multipart/mixed; boundary="${BOUNDARY}"`));
    expect(parts.map((part) => part.status)).toEqual([200, 404, 200]);
  });

  it('treats a plain JSON answer (one id) as one part', async () => {
    const one = new Response('{"presenceStatus":"Offline"}', {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    expect(await readBatchParts(one)).toEqual([
      { status: 200, body: { presenceStatus: 'Offline' } },
    ]);
  });

  it('refuses a multipart answer without a boundary, and keeps unreadable parts empty', async () => {
    await expect(readBatchParts(multipart(MULTIPART, 'multipart/mixed'))).rejects.toThrow(
      /boundary/,
    );
    const junk = MULTIPART.replace('{ "presenceStatus" : "Busy" }', 'THIS IS JUNK');
    expect((await readBatchParts(multipart(junk)))[2]).toEqual({ status: 200, body: null });
  });
});

describe('UserSession.getBatch', () => {
  // RingCentral as far as one batch goes: what each path answers, with its rate-limit headers.
  const bodies = new Map<string, string>();
  let server: http.Server;
  let serverUrl: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const body = bodies.get(req.url ?? '');
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(207, {
        'content-type': `multipart/mixed; boundary=${BOUNDARY}`,
        'x-rate-limit-group': 'Light',
        'x-rate-limit-limit': '40',
        'x-rate-limit-remaining': '3',
        'x-rate-limit-window': '60',
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  afterEach(() => jest.restoreAllMocks());

  function session() {
    const now = Date.now();
    const link: Link = {
      teamId: 'T1',
      userId: 'U1',
      identity: {
        accountId: 'A1',
        extensionId: '11',
        extensionNumber: '101',
        name: 'Ana',
        extensionType: 'User',
        isAdmin: false,
        email: 'ana@example.com',
      },
      tokens: {
        accessToken: 'access',
        refreshToken: 'refresh',
        accessTokenExpiresAt: now + 3_600_000,
        refreshTokenExpiresAt: now + 86_400_000,
        scope: 'ReadAccounts ReadPresence',
        ownerId: '11',
      },
      version: 1,
      status: 'active',
      brokenReason: null,
      linkedAt: now,
      updatedAt: now,
    };
    const answers: Array<[string, number]> = [];
    const credentials = { serverUrl, clientId: 'c', clientSecret: 's', redirectUri: 'r' };
    const refresher = {} as TokenRefresher;
    const user = new UserSession(link, credentials, refresher, new RateBudget(), (group, status) =>
      answers.push([group, status]),
    );
    return { user, answers };
  }

  it('reads each part once, with its own status, and counts the answer as RingCentral gave it', async () => {
    // Four parts, three statuses listed: the unlisted one has none, a body that is not JSON none.
    const mixed = MULTIPART.replace('{ "presenceStatus" : "Busy" }', 'THIS IS JUNK').replace(
      `--${BOUNDARY}--`,
      `--${BOUNDARY}\nContent-Type: application/json\n\n{ "presenceStatus" : "Offline" }\n--${BOUNDARY}--`,
    );
    bodies.set('/restapi/v1.0/account/~/extension/1,2,3,4/presence', mixed);
    const stringify = jest.spyOn(JSON, 'stringify');
    const { user, answers } = session();
    const parts = await user.getBatch(
      '/restapi/v1.0/account/~/extension/1,2,3,4/presence',
      {},
      'Light',
    );
    expect(parts).toEqual([
      { status: 200, body: { presenceStatus: 'Available' } },
      { status: 404, body: { message: 'object not found' } },
      { status: 200, body: null },
      { status: 0, body: { presenceStatus: 'Offline' } },
    ]);
    // Never turned back into JSON text to be parsed a second time.
    const reserialised = stringify.mock.calls.filter(([value]) => Array.isArray(value));
    expect(reserialised).toEqual([]);
    expect(answers).toEqual([['Light', 207]]);
    expect(user.available('Light')).toBe(3);
  });

  it('an answer it cannot read: RingCentral answered, its limits count, the member is told to retry', async () => {
    const broken = MULTIPART.replace(/\{ "response" .*\n/, 'NOT A STATUS LIST\n');
    bodies.set('/restapi/v1.0/account/~/extension/5,6,7/presence', broken);
    const { user, answers } = session();
    const failed = await user
      .getBatch('/restapi/v1.0/account/~/extension/5,6,7/presence', {}, 'Light')
      .catch((error: unknown) => error);
    expect(isAppError(failed, 'ringcentral_unavailable')).toBe(true);
    expect((failed as Error).message).toBe('RingCentral sent an answer that is not JSON');
    expect(answers).toEqual([['Light', 207]]);
    expect(user.available('Light')).toBe(3);
  });
});

describe('AccountApi.presence', () => {
  function api() {
    const calls: Array<{ kind: string; path: string; group: string }> = [];
    const http = {
      identity: {},
      identityKey: 'k',
      async get(path: string, _q: unknown, group: string) {
        calls.push({ kind: 'get', path, group });
        return { presenceStatus: 'Available' };
      },
      async getBatch(path: string, _q: unknown, group: string) {
        calls.push({ kind: 'batch', path, group });
        return [];
      },
    } as unknown as RingCentralHttp;
    return { accountApi: new AccountApi(http), calls };
  }

  it('asks one id as a plain request and several as one batch, ids joined by commas', async () => {
    const { accountApi, calls } = api();
    expect(await accountApi.presence(['11'])).toEqual([
      { status: 200, body: { presenceStatus: 'Available' } },
    ]);
    await accountApi.presence(['11', '12', '~']);
    expect(calls).toEqual([
      { kind: 'get', path: '/restapi/v1.0/account/~/extension/11/presence', group: 'Light' },
      { kind: 'batch', path: '/restapi/v1.0/account/~/extension/11,12,~/presence', group: 'Light' },
    ]);
  });

  it('never sends more than RingCentral takes, nor an id that could change the path', async () => {
    const { accountApi, calls } = api();
    await expect(accountApi.presence([])).rejects.toThrow();
    await expect(
      accountApi.presence(Array.from({ length: 31 }, (_, i) => String(i))),
    ).rejects.toThrow();
    await accountApi.presence(['1/../2', '3']);
    expect(calls[0]?.path).toBe('/restapi/v1.0/account/~/extension/1%2F..%2F2,3/presence');
  });
});
