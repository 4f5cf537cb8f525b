/** Generated companies are deterministic for a seed, realistic, complete and fast to build. */

import {
  CompanyIndex,
  EXTENSION_TYPES,
  generateCompany,
  guideCompany,
  USAGE_TYPES,
} from '../../src/sandbox';
import { companyFromSpec } from '../../src/sandbox/company-from-env';

describe('generateCompany', () => {
  const company = generateCompany({ seed: 42, extensions: 600, numbers: 1100 });

  it('is the same for the same seed, and different for another', () => {
    // Compared as JSON: jest's deep equality is slow on thousands of records.
    const json = JSON.stringify(company);
    expect(JSON.stringify(generateCompany({ seed: 42, extensions: 600, numbers: 1100 }))).toBe(
      json,
    );
    expect(JSON.stringify(generateCompany({ seed: 43, extensions: 600, numbers: 1100 }))).not.toBe(
      json,
    );
    const demo = () =>
      JSON.stringify(generateCompany({ seed: 'demo', extensions: 50, numbers: 80 }));
    expect(demo()).toBe(demo());
  });

  it('has the requested size, every extension type and every usage type', () => {
    expect(company.extensions).toHaveLength(600);
    expect(company.phoneNumbers).toHaveLength(1100);
    expect(new Set(company.extensions.map((e) => e.type))).toEqual(new Set(EXTENSION_TYPES));
    expect(new Set(company.phoneNumbers.map((n) => n.usageType))).toEqual(new Set(USAGE_TYPES));
  });

  it('is mostly enabled Users with unique names, emails, numbers and ids', () => {
    const users = company.extensions.filter((e) => e.type === 'User');
    expect(users.length / company.extensions.length).toBeGreaterThan(0.7);
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(company.extensions.map((e) => e.id))).toBe(true);
    expect(unique(company.extensions.map((e) => e.extensionNumber))).toBe(true);
    const people = company.extensions.filter((e) => e.email);
    expect(unique(people.map((e) => e.email))).toBe(true);
    expect(unique(people.map((e) => e.name))).toBe(true);
    expect(unique(company.phoneNumbers.map((n) => n.phoneNumber))).toBe(true);
    expect(company.phoneNumbers.every((n) => /^\+1[2-9]\d{9}$/.test(n.phoneNumber))).toBe(true);
    const disabled = users.filter((e) => e.status === 'Disabled').length;
    expect(disabled).toBeGreaterThan(0);
    expect(disabled / users.length).toBeLessThan(0.2);
  });

  it('makes the first User the system extension and an admin, with few admins overall', () => {
    const first = company.extensions[0];
    expect(first).toMatchObject({
      type: 'User',
      isAdmin: true,
      status: 'Enabled',
      id: company.accountId,
    });
    const admins = company.extensions.filter((e) => e.isAdmin).length;
    expect(admins).toBeGreaterThan(1);
    expect(admins / company.extensions.length).toBeLessThan(0.1);
  });

  it('gives mostly direct numbers over several area codes, and personal mobiles', () => {
    const direct = company.phoneNumbers.filter((n) => n.usageType === 'DirectNumber');
    expect(direct.length / company.phoneNumbers.length).toBeGreaterThan(0.8);
    expect(new Set(direct.map((n) => n.phoneNumber.slice(2, 5))).size).toBeGreaterThan(5);
    const index = new CompanyIndex(company);
    expect(direct.every((n) => n.extensionId && index.extension(n.extensionId))).toBe(true);
    const mobiles = company.extensions
      .flatMap((e) => e.forwarding)
      .filter((f) => f.type === 'Mobile');
    expect(mobiles.length).toBeGreaterThan(100);
  });

  it('builds 10,000 extensions and 20,000 numbers, and an index that finds each number', () => {
    // How fast is the bench's business (`npm run bench` generates this company each run).
    const big = generateCompany({ seed: 1, extensions: 10000, numbers: 20000 });
    const index = new CompanyIndex(big);
    expect(big.extensions).toHaveLength(10000);
    expect(big.phoneNumbers).toHaveLength(20000);
    const sample = big.phoneNumbers.filter((_, i) => i % 997 === 0);
    expect(sample.every((n) => index.number(n.phoneNumber)?.id === n.id)).toBe(true);
  });
});

describe('companyFromSpec (SANDBOX_COMPANY)', () => {
  it('reads the guide company or a generated one', () => {
    expect(companyFromSpec(undefined)).toEqual(guideCompany());
    const generated = generateCompany({ extensions: 50, numbers: 80, seed: 7 });
    expect(JSON.stringify(companyFromSpec('generated:50:80:7'))).toBe(JSON.stringify(generated));
    expect(() => companyFromSpec('huge')).toThrow(/SANDBOX_COMPANY/);
  });
});
