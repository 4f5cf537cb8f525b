import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchThroughUndici, sendRequest, takeBody } from '../../src/outbound-http';

/** A loopback server whose handler each test sets. */
let handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('sendRequest', () => {
  test('sends method, headers and body, and reads status, headers and the whole body', async () => {
    let seen: { method?: string; type?: string; body?: string } = {};
    handle = (req, res, body) => {
      seen = { method: req.method, type: req.headers['content-type'], body };
      res.writeHead(418, { 'x-one': 'a' }).end('short and stout');
    };
    const answer = await sendRequest(`${base}/pot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"tea":true}',
      timeoutMs: 5_000,
    });
    expect(seen).toEqual({ method: 'POST', type: 'application/json', body: '{"tea":true}' });
    expect(answer.status).toBe(418);
    expect(answer.headers['x-one']).toBe('a');
    expect(Buffer.from(answer.bytes).toString()).toBe('short and stout');
  });

  test('a server that stops halfway through the body fails with a TimeoutError at the deadline', async () => {
    handle = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('half');
    };
    const started = Date.now();
    await expect(
      sendRequest(`${base}/slow`, { method: 'GET', headers: {}, timeoutMs: 300 }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('a port nobody listens on fails, but not as a timeout', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await sendRequest(`http://127.0.0.1:${port}/`, {
      method: 'GET',
      headers: {},
      timeoutMs: 5_000,
    }).catch((error: Error) => error);
    expect(failure).toMatchObject({ code: 'ECONNREFUSED' });
    expect((failure as Error).name).not.toBe('TimeoutError');
  });
});

describe('fetchThroughUndici', () => {
  const fetchLike = fetchThroughUndici(5_000);

  test('takes a Request and gives a Response with repeated headers and a readable body', async () => {
    let seen: { auth?: string; body?: string } = {};
    handle = (req, res, body) => {
      seen = { auth: req.headers.authorization, body };
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('content-type', 'application/json');
      res.end('{"records":[1,2]}');
    };
    const request = new Request(`${base}/restapi/v1.0/x`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer abc' },
      body: 'payload',
    });
    const response = await fetchLike(request);
    expect(seen).toEqual({ auth: 'Bearer abc', body: 'payload' });
    expect(response.ok).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.clone().json()).toEqual({ records: [1, 2] });
    expect(await response.text()).toBe('{"records":[1,2]}');
  });

  test('a 204 comes back as a Response without a body', async () => {
    handle = (_req, res) => res.writeHead(204).end();
    const response = await fetchLike(`${base}/empty`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  test('a redirect reaches the caller as it came', async () => {
    handle = (_req, res) => res.writeHead(302, { location: '/elsewhere' }).end();
    const response = await fetchLike(`${base}/moved`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/elsewhere');
  });
});

describe('takeBody', () => {
  const fetchLike = fetchThroughUndici(5_000);

  test('hands over the bytes of a Response nobody read, which then reads as used', async () => {
    handle = (_req, res) => res.end('{"page":1}');
    const response = await fetchLike(`${base}/page`);
    const body = await takeBody(response);
    expect(Buffer.from(body).toString()).toBe('{"page":1}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow();
  });

  test('reads a Response made elsewhere as usual', async () => {
    const body = await takeBody(new Response('made here'));
    expect(Buffer.from(body).toString()).toBe('made here');
  });

  test('a Response already read cannot hand its bytes over a second time', async () => {
    handle = (_req, res) => res.end('once');
    const response = await fetchLike(`${base}/once`);
    expect(await response.text()).toBe('once');
    await expect(takeBody(response)).rejects.toThrow();
  });
});
