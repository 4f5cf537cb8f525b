// One sandbox serves several RingCentral accounts, as RingCentral does: each person signs in
// to their own company, and their token reads that account and nothing of another.
import { guideCompany, partnerCompany } from '../../src/sandbox';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { apiGet, signIn } from './helpers';

describe('a sandbox serving two accounts', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ rateLimits: false, otherCompanies: [partnerCompany()] });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('signs in people of either company, each to their own account', async () => {
    const mia = await signIn(sb, 'mia.chen@northwind.example');
    const ana = await signIn(sb, 'ana.ruiz@example.com');
    const miaExt = await apiGet(sb, mia.access_token, '/restapi/v1.0/account/~/extension/~');
    expect(miaExt.status).toBe(200);
    expect(miaExt.body).toMatchObject({
      extensionNumber: '101',
      account: { id: '400123008' },
      contact: { email: 'mia.chen@northwind.example', company: 'Northwind Traders' },
      permissions: { admin: { enabled: true } },
    });
    const account = await apiGet(sb, mia.access_token, '/restapi/v1.0/account/~');
    expect(account.body).toMatchObject({ id: 400123008, mainNumber: '+12125550100' });
    const anaExt = await apiGet(sb, ana.access_token, '/restapi/v1.0/account/~/extension/~');
    expect(anaExt.body).toMatchObject({ account: { id: '159048008' } });
  });

  it('keeps each token inside its own account, admin or not', async () => {
    const mia = await signIn(sb, 'mia.chen@northwind.example');
    const other = await apiGet(sb, mia.access_token, '/restapi/v1.0/account/159048008');
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ errorCode: 'CMN-102' });
    // Ana's extension id, asked for through Mia's own account.
    const ana = await apiGet(sb, mia.access_token, '/restapi/v1.0/account/~/extension/435068008');
    expect(ana.status).toBe(404);
    const list = await apiGet<{ records: Array<{ extensionNumber: string }> }>(
      sb,
      mia.access_token,
      '/restapi/v1.0/account/~/extension',
    );
    expect(list.body.records.map((r) => r.extensionNumber)).toEqual(['101', '102']);
  });

  it('lists everyone who can sign in, its own company first', () => {
    const people = sb.people().map((p) => p.email);
    expect(people[0]).toBe('john.smith@example.com');
    expect(people).toContain('mia.chen@northwind.example');
  });

  it('refuses companies that share an account or extension id', async () => {
    await expect(startSandbox({ otherCompanies: [guideCompany()] })).rejects.toThrow(/share/);
  });
});
