/**
 * Authorization and the code grant, and their failures: sign-in page and login_hint, deny,
 * PKCE, single-use and expiring codes, redirect URI and client checks.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import {
  authorizationCode,
  authorizeUrl,
  basicAuth,
  pkce,
  REDIRECT_URI,
  signIn,
  sleep,
  tokenRequest,
} from './helpers';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ rateLimits: false, refreshGraceAfterUseSec: 0.2 });
});

afterAll(() => sb.close());

const codeGrant = (code: string, verifier: string, redirectUri = REDIRECT_URI) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: redirectUri,
  code_verifier: verifier,
});

describe('authorize', () => {
  it('login_hint signs in at once: 302 to the redirect URI with code and state', async () => {
    const res = await fetch(authorizeUrl(sb, { login_hint: '104', state: 'abc' }), {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('abc');
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
  });

  it('shows a sign-in page listing who can sign in (not disabled people)', async () => {
    const res = await fetch(authorizeUrl(sb), { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Sign in as Ana Ruiz');
    expect(html).toContain('Deny');
    expect(html).not.toContain('Carla Diaz');
    expect(sb.people().map((p) => p.extensionNumber)).toEqual([
      '101',
      '104',
      '105',
      '107',
      '108',
      '112',
    ]);
  });

  it('deny sends the browser back with access_denied and the state', async () => {
    const location = new URL(
      await sb.approve(authorizeUrl(sb, { state: 's-9' }), 'ana.ruiz@example.com', { deny: true }),
    );
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('s-9');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('approve follows an app’s own redirect to the authorize URL', async () => {
    const target = authorizeUrl(sb, { state: 'via-app' });
    const app = createServer((_req, res) => {
      res.writeHead(302, { Location: target });
      res.end();
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = app.address() as AddressInfo;
      const location = new URL(await sb.approve(`http://127.0.0.1:${port}/link/abc`, '104'));
      expect(location.searchParams.get('state')).toBe('via-app');
      expect(location.searchParams.get('code')).toBeTruthy();
    } finally {
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
    }
  });

  it('approve refuses someone who cannot sign in', async () => {
    await expect(sb.approve(authorizeUrl(sb), 'carla.diaz@example.com')).rejects.toThrow(/carla/);
  });

  it('400 for an unknown client (JSON, or HTML for a browser), never a redirect', async () => {
    const json = await fetch(authorizeUrl(sb, { client_id: 'nobody' }), { redirect: 'manual' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({
      error: 'invalid_client',
      errors: [{ errorCode: 'OAU-153' }],
    });
    const html = await fetch(authorizeUrl(sb, { client_id: 'nobody' }), {
      headers: { accept: 'text/html' },
    });
    expect(html.status).toBe(400);
    expect(html.headers.get('content-type')).toContain('text/html');
  });

  it('400 for a redirect URI the client did not register', async () => {
    const strict = await startSandbox({
      clients: [{ clientId: 'app', clientSecret: 's', redirectUris: ['http://127.0.0.1:1/cb'] }],
    });
    try {
      const bad = authorizeUrl(strict, { redirect_uri: 'http://127.0.0.1:2/cb' });
      expect((await fetch(bad, { redirect: 'manual' })).status).toBe(400);
      const none = new URL(authorizeUrl(strict));
      none.searchParams.delete('redirect_uri');
      const ok = await fetch(`${none}&login_hint=101`, { redirect: 'manual' });
      expect(ok.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:1\/cb\?code=/);
    } finally {
      await strict.close();
    }
  });
});

describe('token: authorization_code', () => {
  it('issues a RingCentral token answer', async () => {
    const tokens = await signIn(sb, 'john.smith@example.com');
    expect(tokens).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token_expires_in: 604800,
      owner_id: '159048008',
      scope: 'ReadAccounts',
    });
    expect(typeof tokens.endpoint_id).toBe('string');
  });

  it('refuses a wrong PKCE verifier', async () => {
    const { code } = await authorizationCode(sb, '104');
    const res = await tokenRequest(sb, codeGrant(code, pkce().verifier));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'invalid_grant',
      errorCode: 'OAU-208',
      errors: [{ errorCode: 'OAU-208' }],
    });
    expect(typeof res.body.error_description).toBe('string');
  });

  it('codes are single-use', async () => {
    const { code, verifier } = await authorizationCode(sb, '104');
    expect((await tokenRequest(sb, codeGrant(code, verifier))).status).toBe(200);
    const again = await tokenRequest(sb, codeGrant(code, verifier));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('codes expire', async () => {
    sb.setTokenLifetimes({ authCodeTtlSec: 0.05 });
    try {
      const { code, verifier } = await authorizationCode(sb, '104');
      await sleep(80);
      const res = await tokenRequest(sb, codeGrant(code, verifier));
      expect(res.body).toMatchObject({ error: 'invalid_grant', errorCode: 'OAU-206' });
    } finally {
      sb.setTokenLifetimes({ authCodeTtlSec: 60 });
    }
  });

  it('the redirect URI must match the authorize request', async () => {
    const { code, verifier } = await authorizationCode(sb, '104');
    const res = await tokenRequest(
      sb,
      codeGrant(code, verifier, 'http://127.0.0.1:3999/elsewhere'),
    );
    expect(res.body).toMatchObject({ error: 'invalid_grant', errorCode: 'OAU-109' });
  });

  it('401 invalid_client for bad Basic auth or none', async () => {
    const { code, verifier } = await authorizationCode(sb, '104');
    const wrongSecret = await tokenRequest(
      sb,
      codeGrant(code, verifier),
      basicAuth(sb.clientId, 'nope'),
    );
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toMatchObject({ error: 'invalid_client' });
    const unknown = await tokenRequest(sb, codeGrant(code, verifier), basicAuth('someone', 'x'));
    expect(unknown.status).toBe(401);
    const none = await tokenRequest(
      sb,
      { ...codeGrant(code, verifier), client_id: sb.clientId },
      null,
    );
    expect(none.status).toBe(401);
  });

  it('a public client sends client_id instead; plain PKCE and no PKCE work too', async () => {
    const pub = await startSandbox({ clients: [{ clientId: 'spa', redirectUris: [] }] });
    try {
      const plain = await fetch(
        authorizeUrl(pub, {
          login_hint: '101',
          code_challenge: 'v'.repeat(43),
          code_challenge_method: 'plain',
        }),
        { redirect: 'manual' },
      );
      const code = new URL(plain.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const res = await tokenRequest(
        pub,
        { ...codeGrant(code, 'v'.repeat(43)), client_id: 'spa' },
        null,
      );
      expect(res.status).toBe(200);
      const bare = await fetch(authorizeUrl(pub, { login_hint: '104' }), { redirect: 'manual' });
      const code2 = new URL(bare.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const form = {
        grant_type: 'authorization_code',
        code: code2,
        redirect_uri: REDIRECT_URI,
        client_id: 'spa',
      };
      expect((await tokenRequest(pub, form, null)).body.owner_id).toBe('435068008');
    } finally {
      await pub.close();
    }
  });

  it('unsupported grants and unreadable TTLs are refused', async () => {
    expect((await tokenRequest(sb, { grant_type: 'password' })).body).toMatchObject({
      error: 'unsupported_grant_type',
    });
    const tokens = await signIn(sb, '105');
    const nan = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      access_token_ttl: 'NaN',
    });
    expect(nan.body).toMatchObject({
      error: 'invalid_request',
      errors: [{ parameterName: 'access_token_ttl' }],
    });
  });

  it('the JWT grant signs in the assertion’s subject', async () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'dev.patel@example.com' })).toString(
      'base64url',
    );
    const res = await tokenRequest(sb, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: `e30.${payload}.sig`,
    });
    expect(res.body.owner_id).toBe('435071008');
  });
});
