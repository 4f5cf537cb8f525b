/**
 * The guide's access rules: an admin sees everything; a regular user sees account info, may list
 * extensions and read others' basic info, gets only other extensions' direct numbers (without
 * features), and is refused company-wide number lists and other people's forwarding lists.
 */
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { type Answer, apiGet, records, signIn } from './helpers';

const JOHN = '159048008'; // admin, the system extension
const ANA = '435068008'; // regular user
const FAX = '435072008';
const SUPPORT = '435073008'; // Department
const MENU = '435074008'; // IvrMenu
const AO = '1201056008'; // Announcement
const A = '/restapi/v1.0/account/~';

let sb: Sandbox;
let admin: string;
let regular: string;

beforeAll(async () => {
  sb = await startSandbox({ rateLimits: false });
  admin = (await signIn(sb, 'john.smith@example.com')).access_token;
  regular = (await signIn(sb, 'ana.ruiz@example.com')).access_token;
});

afterAll(() => sb.close());

function expectForbidden(a: Answer, permission: string): void {
  expect(a.status).toBe(403);
  expect(a.body).toMatchObject({
    errorCode: 'CMN-408',
    message: `In order to call this API endpoint, user needs to have [${permission}] permission for requested resource.`,
    errors: [{ errorCode: 'CMN-408' }],
  });
}

describe('account and extensions', () => {
  it('anyone reads the account', async () => {
    const a = await apiGet(sb, regular, A);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      id: 159048008,
      mainNumber: '+18555440014',
      status: 'Confirmed',
      operator: { extensionNumber: '101' },
      serviceInfo: {
        brand: { name: 'MyCompany Inc.', homeCountry: { id: '1' } },
        servicePlan: { name: 'Professional' },
      },
    });
  });

  it('a regular user lists extensions without others’ permissions', async () => {
    const list = records(await apiGet(sb, regular, `${A}/extension`));
    expect(list.map((e) => e.extensionNumber)).toEqual([
      '101',
      '104',
      '105',
      '106',
      '107',
      '108',
      '112',
      '110',
      '120',
      '200',
      '300',
    ]);
    expect(list.find((e) => e.id === Number(JOHN))).not.toHaveProperty('permissions');
    const adminList = records(await apiGet(sb, admin, `${A}/extension`));
    expect(adminList.find((e) => e.id === Number(ANA))).toMatchObject({
      permissions: { admin: { enabled: false } },
    });
  });

  it('one’s own extension shows permissions and service features', async () => {
    const own = await apiGet(sb, regular, `${A}/extension/~`);
    expect(own.body).toMatchObject({
      id: Number(ANA),
      permissions: { admin: { enabled: false } },
      contact: { firstName: 'Ana', lastName: 'Ruiz', email: 'ana.ruiz@example.com' },
    });
    expect(own.body.serviceFeatures).toEqual(
      expect.arrayContaining([{ featureName: 'CallForwarding', enabled: true }]),
    );
    const adminOwn = await apiGet(sb, admin, `${A}/extension/~`);
    expect(adminOwn.body).toMatchObject({ permissions: { admin: { enabled: true } } });
  });

  it('others’ extensions show basic info only; admins also see permissions', async () => {
    const byRegular = await apiGet(sb, regular, `${A}/extension/${JOHN}`);
    expect(byRegular.body).toMatchObject({
      name: 'John Smith',
      contact: { email: 'john.smith@example.com' },
    });
    expect(byRegular.body).not.toHaveProperty('permissions');
    expect(byRegular.body).not.toHaveProperty('serviceFeatures');
    const byAdmin = await apiGet(sb, admin, `/restapi/v1.0/account/159048008/extension/${ANA}`);
    expect(byAdmin.body).toMatchObject({ permissions: { admin: { enabled: false } } });
    expect(byAdmin.body).not.toHaveProperty('serviceFeatures');
  });

  it('404 CMN-102 for an unknown extension, another account or an unknown route', async () => {
    const ext = await apiGet(sb, regular, `${A}/extension/999999`);
    expect(ext.status).toBe(404);
    expect(ext.body).toMatchObject({
      errorCode: 'CMN-102',
      message: 'Resource for parameter [extensionId] is not found',
      errors: [{ errorCode: 'CMN-102', parameterName: 'extensionId' }],
    });
    const account = await apiGet(sb, admin, '/restapi/v1.0/account/400000000/extension');
    expect(account.status).toBe(404);
    expect(account.body).toMatchObject({ errors: [{ parameterName: 'accountId' }] });
    expect((await apiGet(sb, admin, `${A}/no-such-thing`, { breaksSpec: true })).status).toBe(404);
  });

  it('401 without a bearer token', async () => {
    const a = await apiGet(sb, null, A);
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ errorCode: 'TokenInvalid', errors: [{ errorCode: 'OAU-232' }] });
  });
});

describe('phone numbers', () => {
  it('one’s own list is complete, with features', async () => {
    const own = records(await apiGet(sb, regular, `${A}/extension/~/phone-number`));
    expect(own).toEqual([
      expect.objectContaining({
        phoneNumber: '+16503316252',
        usageType: 'DirectNumber',
        type: 'VoiceOnly',
        paymentType: 'Local',
        features: ['CallerId', 'SmsSender'],
      }),
    ]);
  });

  it('a regular user gets only others’ direct numbers, without features', async () => {
    const john = records(await apiGet(sb, regular, `${A}/extension/${JOHN}/phone-number`));
    expect(john.map((n) => n.phoneNumber)).toEqual(['+16503316251']);
    expect(john[0]).not.toHaveProperty('features');
    const menu = await apiGet(
      sb,
      regular,
      `${A}/extension/${MENU}/phone-number?usageType=CompanyNumber`,
    );
    expect(records(menu)).toEqual([]);
    expect(records(await apiGet(sb, regular, `${A}/extension/${FAX}/phone-number`))).toEqual([]);
  });

  it('an admin gets every number of any extension, with features', async () => {
    const menu = records(await apiGet(sb, admin, `${A}/extension/${MENU}/phone-number`));
    expect(menu).toEqual([
      expect.objectContaining({
        phoneNumber: '+18559105564',
        usageType: 'CompanyNumber',
        features: ['CallerId'],
      }),
    ]);
  });

  it('the company lists need ReadCompanyPhoneNumbers (admins only)', async () => {
    expectForbidden(await apiGet(sb, regular, `${A}/phone-number`), 'ReadCompanyPhoneNumbers');
    expectForbidden(
      await apiGet(sb, regular, '/restapi/v2/accounts/~/phone-numbers'),
      'ReadCompanyPhoneNumbers',
    );
    const all = records(await apiGet(sb, admin, `${A}/phone-number`));
    expect(all).toHaveLength(13);
    expect(all.find((n) => n.phoneNumber === '+16503316252')).toMatchObject({
      extension: { id: Number(ANA), extensionNumber: '104', name: 'Ana Ruiz' },
    });
    expect(all.find((n) => n.usageType === 'MainCompanyNumber')).not.toHaveProperty('extension');
    const v2 = records(await apiGet(sb, admin, '/restapi/v2/accounts/~/phone-numbers'));
    expect(v2.find((n) => n.phoneNumber === '+16503316270')).toMatchObject({
      usageType: 'CompanyFaxNumber',
      tollType: 'Toll',
      extension: { id: FAX, extensionNumber: '120' },
    });
  });
});

describe('forwarding numbers', () => {
  it('one’s own list, with personal mobile and home numbers', async () => {
    const own = records(await apiGet(sb, regular, `${A}/extension/~/forwarding-number`));
    expect(own.map((f) => [f.phoneNumber, f.label, f.type, f.flipNumber])).toEqual([
      ['+14803960003', 'Ana Ruiz Softphone', 'PhoneLine', '1'],
      ['+16505550123', 'Mobile', 'Mobile', '2'],
      ['+14155550199', 'Home', 'Home', '3'],
    ]);
    expect(own[1]?.features).toEqual(['CallForwarding', 'CallFlip']);
  });

  it('others’ lists are admin-only', async () => {
    expectForbidden(
      await apiGet(sb, regular, `${A}/extension/${JOHN}/forwarding-number`),
      'ReadUserForwardingFlipNumbers',
    );
    const john = records(await apiGet(sb, admin, `${A}/extension/${JOHN}/forwarding-number`));
    expect(john.map((f) => f.label)).toEqual(['John Smith Desk Phone', 'Work']);
  });

  it.each([
    ['Department', SUPPORT],
    ['IvrMenu', MENU],
    ['Announcement', AO],
  ])('400 for a %s extension', async (type, id) => {
    const a = await apiGet(sb, admin, `${A}/extension/${id}/forwarding-number`);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({
      errorCode: 'CMN-101',
      errors: [{ parameterName: 'extensionId' }],
    });
    expect(String(a.body.message)).toContain(type);
  });
});

describe('directory', () => {
  it('anyone reads it; fax users are listed as User, disabled people included', async () => {
    const entries = records(await apiGet(sb, regular, `${A}/directory/entries`));
    // The account's 11 listed extensions, then the federated account's one person.
    expect(entries).toHaveLength(12);
    expect(entries.find((e) => e.id === FAX)).toMatchObject({ type: 'User' });
    expect(entries.find((e) => e.extensionNumber === '106')).toMatchObject({ status: 'Disabled' });
    expect(entries.find((e) => e.id === ANA)).toMatchObject({
      email: 'ana.ruiz@example.com',
      phoneNumbers: [
        expect.objectContaining({ phoneNumber: '+16503316252', usageType: 'DirectNumber' }),
      ],
    });
  });
});
