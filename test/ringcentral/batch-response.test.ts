// Reading RingCentral's batch answers (207 multipart/mixed) and asking for presence in batches:
// ids joined by commas in the path, one request for up to 30, a plain JSON answer for one.
import { AccountApi } from '../../src/ringcentral/account-api';
import { asJsonParts, readBatchParts } from '../../src/ringcentral/batch-response';
import type { RingCentralHttp } from '../../src/ringcentral/user-session';

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

  it('turns the batch into one JSON answer that keeps the rate-limit headers', async () => {
    const json = await asJsonParts(multipart(MULTIPART));
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(json.headers.get('x-rate-limit-group')).toBe('Light');
    expect(((await json.json()) as unknown[]).length).toBe(3);
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
