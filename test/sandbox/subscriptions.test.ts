/**
 * Push notifications in the sandbox, as RingCentral runs them: a WebHook subscription is made
 * only after its address echoes the Validation-Token, its answers match the spec, only its own
 * extension can read or delete it, events carry the Verification-Token, and a webhook that keeps
 * failing is blacklisted.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { type Answer, apiGet, apiPost, signIn, type TokenBody } from './helpers';
import { loadSpec, type Spec } from './openapi';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook that echoes validation tokens (or not) and answers events with `status`. */
async function webhook(options: { echo: boolean; status: number }) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const token = req.headers['validation-token'];
      if (typeof token === 'string') {
        res.writeHead(200, options.echo ? { 'Validation-Token': token } : {});
      } else {
        res.writeHead(options.status);
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const FILTERS = ['/restapi/v1.0/account/~/extension', '/restapi/v1.0/account/~/extension/~'];
const create = (sb: Sandbox, token: string, address: string, extra: Record<string, unknown> = {}) =>
  apiPost(sb, token, '/restapi/v1.0/subscription', {
    eventFilters: FILTERS,
    deliveryMode: { transportType: 'WebHook', address, verificationToken: 'secret-token-1' },
    ...extra,
  });

let spec: Spec;
let sb: Sandbox;
let ana: TokenBody;
let ben: TokenBody;

beforeAll(async () => {
  spec = await loadSpec();
  sb = await startSandbox({ rateLimits: false });
  ana = await signIn(sb, '104');
  ben = await signIn(sb, '105');
});
afterAll(() => sb.close());

/** The spec's own ExtensionListEvent schema (the notification a webhook receives). */
function eventSchemaErrors(event: unknown): unknown[] {
  const file = path.resolve(__dirname, '../reference/ringcentral-openapi.json');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')), 'spec');
  const validate = ajv.getSchema('spec#/components/schemas/ExtensionListEvent');
  if (!validate) throw new Error('the spec has no ExtensionListEvent');
  return validate(event) ? [] : (validate.errors ?? []);
}

function expectValid(op: string, method: string, a: Answer, status = 200): void {
  expect(a.status).toBe(status);
  expect(spec.validator(op, method, String(status))(a.body)).toEqual([]);
}

describe('sandbox push notifications', () => {
  it('makes a subscription only after the webhook echoes its Validation-Token', async () => {
    const silent = await webhook({ echo: false, status: 200 });
    try {
      const refused = await create(sb, ana.access_token, silent.url);
      expect(refused.status).toBe(400);
      expect(refused.body.errorCode).toBe('SUB-520');
      expect(silent.received[0]?.headers['validation-token']).toEqual(expect.any(String));
    } finally {
      await silent.close();
    }
    const nowhere = await create(sb, ana.access_token, 'http://127.0.0.1:1/hook');
    expect(nowhere.body.errorCode).toBe('SUB-521');
    const noFilters = await apiPost(sb, ana.access_token, '/restapi/v1.0/subscription', {
      deliveryMode: { transportType: 'WebHook', address: 'http://127.0.0.1:1/' },
    });
    expect(noFilters.body).toMatchObject({ errorCode: 'CMN-100' });
    expect(sb.subscriptions.size).toBe(0);
  });

  it('answers as the spec says, and lets only its own extension read or delete it', async () => {
    const hook = await webhook({ echo: true, status: 200 });
    try {
      const made = await create(sb, ana.access_token, hook.url, { expiresIn: 3600 });
      expectValid('/restapi/v1.0/subscription', 'post', made);
      expect(made.body).toMatchObject({
        status: 'Active',
        eventFilters: [
          '/restapi/v1.0/account/159048008/extension',
          '/restapi/v1.0/account/159048008/extension/435068008',
        ],
        deliveryMode: { transportType: 'WebHook', address: hook.url, encryption: false },
      });
      // The verification token is write-only.
      expect(JSON.stringify(made.body)).not.toContain('secret-token-1');
      const id = String(made.body.id);
      expect(id.length).toBeLessThanOrEqual(20);
      expectValid(
        '/restapi/v1.0/subscription/{subscriptionId}',
        'get',
        await apiGet(sb, ana.access_token, `/restapi/v1.0/subscription/${id}`),
      );
      expect((await apiGet(sb, ben.access_token, `/restapi/v1.0/subscription/${id}`)).status).toBe(
        404,
      );
      const byBen = await fetch(`${sb.url}/restapi/v1.0/subscription/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ben.access_token}` },
      });
      expect(byBen.status).toBe(404);
      const renewed = await fetch(`${sb.url}/restapi/v1.0/subscription/${id}`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${ana.access_token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ eventFilters: FILTERS, expiresIn: 7200 }),
      });
      expect(renewed.status).toBe(200);
      expect(((await renewed.json()) as { expiresIn: number }).expiresIn).toBeGreaterThan(3600);
      const deleted = await fetch(`${sb.url}/restapi/v1.0/subscription/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ana.access_token}` },
      });
      expect(deleted.status).toBe(204);
      expect(sb.subscriptions.has(id)).toBe(false);
    } finally {
      await hook.close();
    }
  });

  it("refuses a regular user's filter on someone else's extension", async () => {
    const hook = await webhook({ echo: true, status: 200 });
    try {
      const other = await apiPost(sb, ana.access_token, '/restapi/v1.0/subscription', {
        eventFilters: ['/restapi/v1.0/account/~/extension/435069008'],
        deliveryMode: { transportType: 'WebHook', address: hook.url },
      });
      expect(other.status).toBe(400);
    } finally {
      await hook.close();
    }
  });

  it('sends the extension list event when a number moves, then blacklists a failing webhook', async () => {
    const hook = await webhook({ echo: true, status: 200 });
    const failing = await webhook({ echo: true, status: 500 });
    try {
      const good = await create(sb, ana.access_token, hook.url);
      const bad = await create(sb, ben.access_token, failing.url);
      expect(await sb.reassignNumber('+16503316253', '107')).toBe(2);
      const events = hook.received.filter((r) => !r.headers['validation-token']);
      expect(events).toHaveLength(2);
      expect(events[0]?.headers['verification-token']).toBe('secret-token-1');
      const event = JSON.parse(events[0]?.body ?? '{}');
      expect(event).toMatchObject({
        event: '/restapi/v1.0/account/159048008/extension',
        subscriptionId: good.body.id,
        body: { extensionId: '435069008', eventType: 'Update', ownerId: '435068008' },
      });
      expect(eventSchemaErrors(event)).toEqual([]);
      // Ben's webhook failed twice (two events); a third failure blacklists it.
      await sb.reassignNumber('+16503316253', '105');
      const status = (
        await apiGet(sb, ben.access_token, `/restapi/v1.0/subscription/${bad.body.id}`)
      ).body;
      expect(status).toMatchObject({ status: 'Blacklisted', blacklistedData: expect.any(Object) });
      const before = failing.received.length;
      await sb.reassignNumber('+16503316253', '107');
      expect(failing.received.length).toBe(before);
      await sb.reassignNumber('+16503316253', '105');
    } finally {
      await hook.close();
      await failing.close();
    }
  });
});
