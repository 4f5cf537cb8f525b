/**
 * Paging and filters as RingCentral does them, on the guide's company and on a generated
 * 10,000-extension / 20,000-number company served at perPage=1000.
 */
import { generateCompany, type Sandbox, startSandbox } from '../../src/sandbox';
import { type Answer, apiGet, apiPost, records, signIn } from './helpers';

const A = '/restapi/v1.0/account/~';
const V2 = '/restapi/v2/accounts/~/phone-numbers';

function expectBadParameter(a: Answer, name: string): void {
  expect(a.status).toBe(400);
  expect(a.body).toMatchObject({
    errorCode: 'CMN-101',
    errors: [{ errorCode: 'CMN-101', parameterName: name }],
  });
}

describe('guide company', () => {
  let sb: Sandbox;
  let admin: string;

  beforeAll(async () => {
    sb = await startSandbox({ rateLimits: false });
    admin = (await signIn(sb, 'dev.patel@example.com')).access_token;
  });

  afterAll(() => sb.close());

  const numbersOf = (a: Answer) => records(a).map((r) => r.extensionNumber);

  it('filters extensions by extensionNumber, email (repeatable), status and type', async () => {
    expect(numbersOf(await apiGet(sb, admin, `${A}/extension?extensionNumber=104`))).toEqual([
      '104',
    ]);
    const emails = await apiGet(
      sb,
      admin,
      `${A}/extension?email=ana.ruiz@example.com&email=JOHN.SMITH@example.com`,
    );
    expect(numbersOf(emails)).toEqual(['101', '104']);
    expect(numbersOf(await apiGet(sb, admin, `${A}/extension?status=Disabled`))).toEqual(['106']);
    expect(
      numbersOf(await apiGet(sb, admin, `${A}/extension?type=IvrMenu&type=Department`)),
    ).toEqual(['200', '300']);
    expect(numbersOf(await apiGet(sb, admin, `${A}/extension?extensionNumber=999`))).toEqual([]);
    expectBadParameter(
      await apiGet(sb, admin, `${A}/extension?status=Sleeping`, { breaksSpec: true }),
      'status',
    );
  });

  it('pages with paging and navigation', async () => {
    const page2 = await apiGet(sb, admin, `${A}/extension?type=User&perPage=2&page=2`);
    expect(numbersOf(page2)).toEqual(['105', '106']);
    expect(page2.body.paging).toEqual({
      page: 2,
      totalPages: 4,
      perPage: 2,
      totalElements: 7,
      pageStart: 2,
      pageEnd: 3,
    });
    const nav = page2.body.navigation as Record<string, { uri: string }>;
    expect(Object.keys(nav).sort()).toEqual(['firstPage', 'lastPage', 'nextPage', 'previousPage']);
    expect(nav.nextPage?.uri).toBe(`${sb.url}${A}/extension?type=User&perPage=2&page=3`);
    const last = await apiGet(
      sb,
      admin,
      new URL(nav.lastPage?.uri ?? '').pathname + new URL(nav.lastPage?.uri ?? '').search,
    );
    expect(numbersOf(last)).toEqual(['112']);
    expect(last.body.navigation).not.toHaveProperty('nextPage');
  });

  // The spec bounds neither page nor perPage of the extension list: RingCentral's own rules do.
  it.each([
    ['perPage=0', 'perPage', false],
    ['perPage=1001', 'perPage', false],
    ['perPage=ten', 'perPage', true],
    ['page=0', 'page', false],
    ['page=-1', 'page', false],
  ])('400 CMN-101 for %s', async (query, name, breaksSpec) => {
    expectBadParameter(await apiGet(sb, admin, `${A}/extension?${query}`, { breaksSpec }), name);
  });

  it('filters account numbers by usageType, paymentType and status', async () => {
    const direct = records(await apiGet(sb, admin, `${A}/phone-number?usageType=DirectNumber`));
    expect(direct).toHaveLength(8);
    const tollFree = records(await apiGet(sb, admin, `${A}/phone-number?paymentType=TollFree`));
    expect(tollFree.map((n) => n.phoneNumber).sort()).toEqual(['+18555440014', '+18559105564']);
    expect(records(await apiGet(sb, admin, `${A}/phone-number?status=Pending`))).toEqual([]);
    expectBadParameter(
      await apiGet(sb, admin, `${A}/phone-number?usageType=Nope`, { breaksSpec: true }),
      'usageType',
    );
  });

  it('finds v2 numbers by E.164 with * wildcards', async () => {
    const find = async (pattern: string) =>
      records(await apiGet(sb, admin, `${V2}?phoneNumber=${encodeURIComponent(pattern)}`)).map(
        (n) => n.phoneNumber,
      );
    expect(await find('+165033*')).toHaveLength(7);
    expect(await find('+1650331625*')).toEqual([
      '+16503316251',
      '+16503316252',
      '+16503316253',
      '+16503316254',
    ]);
    expect(await find('+16503316**')).toHaveLength(7);
    expect(await find('+165033162*0')).toEqual(['+16503316260', '+16503316270']);
    expect(await find('+16503316252')).toEqual(['+16503316252']);
    expect(await find('+1650*316252')).toEqual(['+16503316252']);
    expect(await find('+1999*')).toEqual([]);
    expectBadParameter(await apiGet(sb, admin, `${V2}?phoneNumber=650-331`), 'phoneNumber');
    const withUsage = await apiGet(sb, admin, `${V2}?usageType=MainCompanyNumber`);
    expect(records(withUsage)).toEqual([
      expect.objectContaining({ phoneNumber: '+18555440014', tollType: 'TollFree' }),
    ]);
    expect(withUsage.body).not.toHaveProperty('navigation');
  });

  it('searches the directory by name, number digits and chosen fields', async () => {
    const search = async (body: unknown) =>
      apiPost(sb, admin, `${A}/directory/entries/search`, body);
    const names = (a: Answer) => records(a).map((r) => r.name);
    expect(names(await search({ searchString: 'RUIZ' }))).toEqual(['Ana Ruiz']);
    expect(names(await search({ searchString: '650-331-6252' }))).toEqual(['Ana Ruiz']);
    expect(names(await search({ searchString: '104', searchFields: ['extensionNumber'] }))).toEqual(
      ['Ana Ruiz'],
    );
    expect(names(await search({ searchString: 'ana', searchFields: ['lastName'] }))).toEqual([]);
    const paged = await search({ searchString: '', page: 2, perPage: 4 });
    expect(paged.body.paging).toMatchObject({
      page: 2,
      perPage: 4,
      totalElements: 11,
      totalPages: 3,
    });
    const broken = await search('{"searchString":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ errorCode: 'CMN-103' });
    expectBadParameter(await search({ perPage: 0 }), 'perPage');
    expectBadParameter(await search({ searchFields: ['shoeSize'] }), 'searchFields');
  });
});

describe('generated company of 10,000 extensions and 20,000 numbers', () => {
  let sb: Sandbox;
  let admin: string;

  beforeAll(async () => {
    const company = generateCompany({ seed: 2024, extensions: 10000, numbers: 20000 });
    sb = await startSandbox({ rateLimits: false, company });
    admin = (await signIn(sb, company.extensions[0]?.email ?? '')).access_token;
  });

  afterAll(() => sb.close());

  it('serves every extension in ten pages of 1000', async () => {
    const ids = new Set<unknown>();
    const started = Date.now();
    for (let page = 1; page <= 10; page++) {
      const a = await apiGet(sb, admin, `${A}/extension?perPage=1000&page=${page}`);
      expect(a.body.paging).toMatchObject({
        page,
        perPage: 1000,
        totalElements: 10000,
        totalPages: 10,
      });
      for (const r of records(a)) ids.add(r.id);
    }
    expect(ids.size).toBe(10000);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('serves 1000 numbers a page, and prefix searches from the sorted index', async () => {
    const v2 = await apiGet(sb, admin, `${V2}?perPage=1000&page=20`);
    expect(records(v2)).toHaveLength(1000);
    expect(v2.body.paging).toMatchObject({ totalElements: 20000, totalPages: 20 });
    const sample = String(records(v2)[0]?.phoneNumber);
    const prefix = sample.slice(0, 8);
    const found = records(
      await apiGet(sb, admin, `${V2}?perPage=1000&phoneNumber=${encodeURIComponent(`${prefix}*`)}`),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((n) => String(n.phoneNumber).startsWith(prefix))).toBe(true);
    expect(found.map((n) => n.phoneNumber)).toContain(sample);
    const v1 = await apiGet(sb, admin, `${A}/phone-number?perPage=1000&page=3`);
    expect(records(v1)).toHaveLength(1000);
  });

  it('refuses perPage=1001', async () => {
    expectBadParameter(await apiGet(sb, admin, `${A}/extension?perPage=1001`), 'perPage');
    expectBadParameter(
      await apiGet(sb, admin, `${V2}?perPage=1001`, { breaksSpec: true }),
      'perPage',
    );
  });
});
