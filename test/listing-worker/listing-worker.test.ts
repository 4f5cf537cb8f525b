// The listing worker is shared by the whole process: each listing must come back holding its
// own entries only, whatever other listings were read at the same time, and a broken page
// must fail its own listing the way a page read on the main thread does.
import { DirectoryTablesBuilder, directoryTables } from '../../src/directory/directory-tables';
import { isAppError } from '../../src/errors';
import { ListingWorker } from '../../src/listing-worker';
import type { ExtensionSummary } from '../../src/model';
import { parseNumberQuery } from '../../src/phone/number-query';

const self = (id: string): ExtensionSummary => ({
  id,
  extensionNumber: id,
  name: `Viewer ${id}`,
  type: 'User',
  status: 'Enabled',
  email: `viewer${id}@example.com`,
});

function entry(id: number, company: string) {
  return {
    id: String(id),
    type: 'User',
    status: 'Enabled',
    extensionNumber: String(id),
    name: `${company} person ${id}`,
    email: `p${id}@${company}.example.com`,
    account: { id: 'acct-1' },
    phoneNumbers: [
      { phoneNumber: `+1650555${String(id).padStart(4, '0')}`, usageType: 'DirectNumber' },
    ],
  };
}

const page = (records: unknown[], n: number, of: number) =>
  new Response(JSON.stringify({ records, paging: { page: n, totalPages: of } }), { status: 200 });
const extras = { own: [], main: null };

describe('the listing worker', () => {
  const worker = new ListingWorker();

  it('can run under tsx, and says so when its compiled file is missing', () => {
    expect(worker.usable()).toBe(true);
    expect(new ListingWorker('/nowhere/worker.js').usable()).toBe(false);
  });

  it('builds what the main thread builds, from the pages it is handed', async () => {
    const records = Array.from({ length: 300 }, (_, i) => entry(1000 + i, 'initech'));
    const job = worker.start('acct-1', self('101'));
    const first = (await job.readPage(page(records.slice(0, 150), 1, 2))) as { records: unknown[] };
    expect(first.records).toHaveLength(150);
    await job.readPage(page(records.slice(150), 2, 2));
    const parts = await job.finish(extras);

    const builder = new DirectoryTablesBuilder('acct-1', self('101'));
    for (const record of records) builder.add(record);
    expect(parts).toStrictEqual(await builder.seal(extras));
    const listing = directoryTables(parts);
    expect(listing.index.get('+16505551042')?.owner?.name).toBe('initech person 1042');
    expect(listing.searchable.search('person 12', 0, 5).total).toBe(100);
  });

  it('keeps two listings read at once apart: neither holds the other one’s people', async () => {
    const a = worker.start('acct-1', self('101'));
    const b = worker.start('acct-1', self('202'));
    const ours = Array.from({ length: 40 }, (_, i) => entry(2000 + i, 'alpha'));
    const theirs = Array.from({ length: 40 }, (_, i) => entry(3000 + i, 'beta'));
    await Promise.all([
      a.readPage(page(ours.slice(0, 20), 1, 2)),
      b.readPage(page(theirs.slice(0, 20), 1, 2)),
    ]);
    await Promise.all([
      b.readPage(page(theirs.slice(20), 2, 2)),
      a.readPage(page(ours.slice(20), 2, 2)),
    ]);
    const [listingA, listingB] = (await Promise.all([a.finish(extras), b.finish(extras)])).map(
      directoryTables,
    );
    const prefix = parseNumberQuery('+1650555', 'US');
    expect(listingA?.index.search(prefix, { limit: 100 }).total).toBe(40);
    expect(listingA?.searchable.search('beta', 0, 10).total).toBe(0);
    expect(listingA?.index.get('+16505553001')).toBeUndefined();
    expect(listingB?.searchable.search('alpha', 0, 10).total).toBe(0);
    expect(listingB?.extensions.get('101')).toBeUndefined();
    expect(listingB?.extensions.get('202')?.name).toBe('Viewer 202');
  });

  it('refuses a page that is not JSON, and one whose entry breaks the schema', async () => {
    const broken = worker.start('acct-1', self('101'));
    const notJson = await broken
      .readPage(new Response('{"records":[{', { status: 200 }))
      .catch((error: unknown) => error);
    expect(isAppError(notJson, 'ringcentral_unavailable')).toBe(true);
    expect((notJson as Error).message).toMatch(/not JSON/);

    const wrong = worker.start('acct-1', self('101'));
    const bad = { ...entry(4000, 'x'), phoneNumbers: [{ phoneNumber: 42 }] };
    const schema = await wrong.readPage(page([bad], 1, 1)).catch((error: unknown) => error);
    expect(isAppError(schema, 'ringcentral_unavailable')).toBe(true);
    expect((schema as Error).message).toMatch(/phoneNumbers\[0\]\.phoneNumber/);
    // A failed listing is gone from the worker: it cannot be finished into anything.
    await expect(wrong.finish(extras)).rejects.toThrow();
  });
});
