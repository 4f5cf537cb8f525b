/**
 * Two controls tests use to stage what happens at RingCentral while the app works: an
 * administrator changing someone's role, and an answer held back on its way.
 */
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { apiGet, signIn, tokenRequest } from './helpers';

const SELF = '/restapi/v1.0/account/~/extension/~';
const COMPANY_NUMBERS = '/restapi/v1.0/account/~/phone-number';

let sb: Sandbox;
beforeEach(async () => {
  sb = await startSandbox({ rateLimits: false });
});
afterEach(() => sb.close());

describe('setAdmin', () => {
  it('promotes a regular user: the same session reads as admin at once', async () => {
    const ana = (await signIn(sb, 'ana.ruiz@example.com')).access_token;
    expect((await apiGet(sb, ana, COMPANY_NUMBERS)).status).toBe(403);

    sb.setAdmin('104', true);
    const self = await apiGet(sb, ana, SELF);
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ permissions: { admin: { enabled: true } } });
    expect((await apiGet(sb, ana, COMPANY_NUMBERS)).status).toBe(200);
    expect(sb.people().find((p) => p.extensionNumber === '104')?.isAdmin).toBe(true);
  });

  it('demotes an admin by email: the session stays valid, its admin rights end', async () => {
    const john = (await signIn(sb, '101')).access_token;
    expect((await apiGet(sb, john, COMPANY_NUMBERS)).status).toBe(200);

    sb.setAdmin('john.smith@example.com', false);
    const self = await apiGet(sb, john, SELF);
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ permissions: { admin: { enabled: false } } });
    const refused = await apiGet(sb, john, COMPANY_NUMBERS);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ errorCode: 'CMN-408' });
    expect(sb.people().find((p) => p.extensionNumber === '101')?.isAdmin).toBe(false);
  });

  it('refuses an extension it does not have', () => {
    expect(() => sb.setAdmin('999', true)).toThrow(/no extension 999/);
  });
});

describe('faults.hold', () => {
  it('serves the request on arrival and sends the answer only when released', async () => {
    const tokens = await signIn(sb, '104');
    const held = sb.faults.hold(/\/extension\/~$/);
    let answered = false;
    const pending = apiGet(sb, tokens.access_token, SELF).then((a) => {
      answered = true;
      return a;
    });
    await held.reached;
    // The session ends while the answer is on its way: the answer was already made.
    await tokenRequest(sb, { token: tokens.access_token }, undefined, '/restapi/oauth/revoke');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    held.release();
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ extensionNumber: '104' });
    // Only that one answer was held; the next request is refused at once, token revoked.
    expect((await apiGet(sb, tokens.access_token, SELF)).status).toBe(401);
  });

  it('holds only requests whose path matches', async () => {
    const ana = (await signIn(sb, '104')).access_token;
    const held = sb.faults.hold(/\/phone-number$/);
    expect((await apiGet(sb, ana, SELF)).status).toBe(200);
    held.release();
    expect((await apiGet(sb, ana, `${SELF}/phone-number`)).status).toBe(200);
  });
});
