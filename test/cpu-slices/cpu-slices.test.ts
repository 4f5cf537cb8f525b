// Long work shares the event loop: between slices other callbacks (an ack) get their turn, and
// the sliced helpers give exactly what their one-go versions give.
import { CpuSlices, inBackground, sortSliced } from '../../src/cpu-slices';
import { valueBytes } from '../../src/directory/value-bytes';
import { PrefixIndex } from '../../src/phone/prefix-index';
import { parseJsonSliced } from '../../src/ringcentral/sliced-json';

/** A slicer whose every slice is used up at once: every check yields. */
const eager = () => new CpuSlices(0);

/** Counts the turns of the event loop that other callbacks got while `work` ran. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
}

function page(records: number): string {
  const items = Array.from({ length: records }, (_, i) => ({
    id: String(1000 + i),
    name: `Person "${i}" \\ back\\slash, [brackets] {braces} ümlaut ${'x'.repeat(i % 50)}`,
    phoneNumbers: [{ phoneNumber: `+1650${String(i).padStart(7, '0')}`, tags: [] }],
    nested: { deep: [[i], { a: ',' }] },
  }));
  return JSON.stringify({
    uri: 'https://x/?a=[1]',
    records: items,
    paging: { page: 1, totalPages: 3 },
    navigation: { nextPage: { uri: '"}' } },
    empty: [],
  });
}

describe('CpuSlices', () => {
  it('serves every other slice before background work, which still finishes', async () => {
    const slices = new CpuSlices(0, 1);
    const done: string[] = [];
    const work = async (name: string, steps: number) => {
      for (let i = 0; i < steps; i++) await slices.next();
      done.push(name);
    };
    const background = inBackground(() => work('background', 5));
    await Promise.all([work('first', 20), work('second', 20), background]);
    expect(done).toEqual(['first', 'second', 'background']);
  });
});

describe('parseJsonSliced', () => {
  it('gives what JSON.parse gives for a big page, escapes, nesting and empty arrays included', async () => {
    const text = page(3000);
    expect(text.length).toBeGreaterThan(200_000);
    expect(await parseJsonSliced(text, eager())).toEqual(JSON.parse(text));
  });

  it('stays exact when a string or a nested list looks like a boundary between records', async () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({
      id: String(i),
      note: i % 97 === 0 ? 'tricky },{"id":"x" inside a string' : 'plain',
      nested: i % 89 === 0 ? [{ id: 'a' }, { id: 'b' }] : [],
    }));
    const text = JSON.stringify({ uri: 'u', records, paging: { page: 1 } });
    expect(await parseJsonSliced(text, eager())).toEqual(JSON.parse(text));
    const mapped = await parseJsonSliced(text, eager(), (r) => (r as { id: string }).id);
    expect((mapped as { records: string[] }).records).toEqual(records.map((r) => r.id));
  });

  it('lets other callbacks run while a big page is parsed', async () => {
    const text = page(3000);
    expect(await turnsDuring(() => parseJsonSliced(text, eager()))).toBeGreaterThan(10);
  });

  it('takes small bodies, non-object roots and duplicate keys as JSON.parse does', async () => {
    for (const text of ['{"a":1}', '[1,2,3]', '"text"', 'null']) {
      expect(await parseJsonSliced(text, eager())).toEqual(JSON.parse(text));
    }
    const array = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i })));
    expect(await parseJsonSliced(array, eager())).toEqual(JSON.parse(array));
    const twice = `{"records":[1],"pad":"${'p'.repeat(70_000)}","records":[2,3]}`;
    expect(await parseJsonSliced(twice, eager())).toEqual(JSON.parse(twice));
  });

  it('throws a SyntaxError for text that is not JSON, as JSON.parse does', async () => {
    const good = page(600);
    for (const bad of [
      `${good.slice(0, -1)}`,
      good.replace('"records":[{', '"records":[,{'),
      good.replace('}],"paging"', '}]],"paging"'),
      `${good} trailing`,
      good.replace('"paging"', 'paging'),
    ]) {
      expect(bad.length).toBeGreaterThan(64 * 1024);
      await expect(parseJsonSliced(bad, eager())).rejects.toThrow(SyntaxError);
    }
  });
});

describe('sortSliced and PrefixIndex.build', () => {
  it('sorts like Array.prototype.sort, stable for equal keys, and yields on the way', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ key: (i * 7919) % 1000, i }));
    const expected = [...items].sort((a, b) => a.key - b.key);
    let sorted: typeof items = [];
    const turns = await turnsDuring(async () => {
      sorted = await sortSliced(items, (a, b) => a.key - b.key, eager());
    });
    expect(sorted).toEqual(expected);
    expect(turns).toBeGreaterThan(10);
  });

  it('builds the same index as the one-go constructor', async () => {
    const numbers = Array.from({ length: 6000 }, (_, i) => ({
      e164: `+${[1, 44, 49][i % 3]}${String((i * 104_729) % 10_000_000).padStart(9, '0')}`,
      value: i,
    }));
    numbers.push({ e164: numbers[5]?.e164 ?? '', value: -1 }, { e164: 'none', value: -2 });
    const built = await PrefixIndex.build(numbers, eager());
    const plain = new PrefixIndex(numbers);
    expect(built.size).toBe(plain.size);
    const query = {
      kind: 'prefix',
      digits: '4',
      e164Prefix: '+4',
      nationalPrefix: null,
      nationalCallingCode: null,
    } as const;
    expect(built.search(query, { limit: 10_000 })).toEqual(plain.search(query, { limit: 10_000 }));
    expect(built.get(numbers[5]?.e164 ?? '')).toBe(5);
  });
});

describe('valueBytes', () => {
  it('counts a structure referenced many times once', async () => {
    const owner = {
      id: '1',
      name: 'A rather long owner name to count',
      email: 'owner@example.com',
    };
    const shared = Array.from({ length: 1000 }, (_, i) => ({ e164: `+1650${i}`, owner }));
    const copied = Array.from({ length: 1000 }, (_, i) => ({
      e164: `+1650${i}`,
      owner: { ...owner },
    }));
    const sharedBytes = await valueBytes(shared, eager());
    const copiedBytes = await valueBytes(copied, eager());
    expect(copiedBytes).toBeGreaterThan(sharedBytes * 2);
    // Maps, sets and class instances are walked too.
    const index = new PrefixIndex(shared.map((value) => ({ e164: value.e164, value })));
    expect(await valueBytes(index, eager())).toBeGreaterThan(sharedBytes);
    expect(await valueBytes(new Map([['k', shared]]), eager())).toBeGreaterThan(sharedBytes);
  });
});
