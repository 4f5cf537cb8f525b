// The compact listing (text columns) must answer exactly what the object listing it replaced
// answered: the same people, numbers, order, paging and which of two duplicates wins.

import { NumberTableBuilder } from '../../src/directory/number-table';
import { PeopleSearch, PeopleTableBuilder } from '../../src/directory/people-table';
import { TextColumnsBuilder } from '../../src/directory/text-columns';
import type { ExtensionSummary, NumberInfo } from '../../src/model';
import { parseNumberQuery } from '../../src/phone/number-query';
import { PrefixIndex } from '../../src/phone/prefix-index';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(424_242);
const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(next() * items.length)] as T;
const digits = (count: number) => Array.from({ length: count }, () => pick('0123456789')).join('');
const NAMES = ['Ana', 'ana', 'Ána', 'Bob', 'İpek', 'Zoë', 'Émile', 'bo', '李', 'Ana Lima', ''];

function person(i: number): ExtensionSummary {
  const site = next() < 0.3 ? `Site ${pick('AB')}` : null;
  const accountName = next() < 0.1 ? 'Other Co' : null;
  return {
    id: String(pick([i, i, i, 7])),
    extensionNumber: pick([String(100 + i), String(100 + (i % 5)), null, '']),
    name: `${pick(NAMES)} ${pick(NAMES)}`.trim() || `ext ${i}`,
    type: pick(['User', 'Department', null, '']),
    status: pick(['Enabled', null]),
    email: pick([`p${i}@example.com`, null, `ANA${i}@Example.com`]),
    ...(site ? { site } : {}),
    ...(accountName ? { accountName } : {}),
  };
}

const byName = new Intl.Collator(undefined, { sensitivity: 'variant' });

describe('text columns', () => {
  it('give back each field as stored: null apart from empty, long and wide text whole', () => {
    const rows: Array<Array<string | null>> = [
      [null, '', 'a'],
      ['x'.repeat(70_000), null, 'İ李'],
      ['', '', ''],
      ['z'.repeat(254), 'y'.repeat(255), 'w'.repeat(65_534)],
    ];
    const builder = new TextColumnsBuilder(3);
    for (const row of rows) builder.add(row);
    const columns = builder.seal();
    for (const [r, row] of rows.entries()) {
      for (const [f, value] of row.entries()) expect(columns.get(r, f)).toBe(value);
    }
  });

  it('compare fields by code units, as < does on strings', () => {
    const values = ['', 'a', 'ab', 'b', 'B', 'é', 'aa', '李', 'a'.repeat(300)];
    const builder = new TextColumnsBuilder(1);
    for (const value of values) builder.add([value]);
    const columns = builder.seal();
    const sign = (n: number) => Math.sign(n);
    values.forEach((a, i) => {
      values.forEach((b, j) => {
        const expected = a < b ? -1 : a > b ? 1 : 0;
        expect(sign(columns.compareRows(i, j, 0))).toBe(expected);
        expect(sign(columns.compare(i, 0, b))).toBe(expected);
      });
    });
  });
});

describe('people table', () => {
  const people = Array.from({ length: 600 }, (_, i) => person(i));
  const builder = new PeopleTableBuilder();
  for (const summary of people) builder.add(summary);
  const table = builder.seal();

  it('makes each summary again with the same fields and shape', () => {
    for (const [row, summary] of people.entries()) {
      expect(table.summary(row)).toStrictEqual(summary);
    }
  });

  it('finds by extension number the first of a repeated number, like the map it replaced', async () => {
    const lookup = await table.byNumber(table.allRows());
    const reference = new Map<string, ExtensionSummary>();
    for (const summary of people) {
      if (summary.extensionNumber && !reference.has(summary.extensionNumber)) {
        reference.set(summary.extensionNumber, summary);
      }
    }
    expect(lookup.values()).toStrictEqual([...reference.values()]);
    for (const [number, summary] of reference) expect(lookup.get(number)).toStrictEqual(summary);
    expect(lookup.get('99999')).toBeUndefined();
    expect(lookup.get('')).toBeUndefined();
  });

  it('finds by id the last of a repeated id, as a Map built in order does', async () => {
    const lookup = await table.byId();
    const reference = new Map(people.map((summary) => [summary.id, summary]));
    for (const [id, summary] of reference) expect(lookup.get(id)).toStrictEqual(summary);
  });

  it('searches names, emails and numbers in name order, with paging, never across two people', async () => {
    const search = await PeopleSearch.build(table, table.allRows());
    const sorted = [...people].sort((a, b) => byName.compare(a.name, b.name));
    const keys = sorted.map((s) =>
      `${s.name}\n${s.email ?? ''}\n${s.extensionNumber ?? ''}`.toLowerCase(),
    );
    const needles = ['ana', 'i̇pek', 'example.com', '10', 'zz', 'a\nana', 'com\n1', '.com\n', 'ë'];
    // Texts found only by running from the end of one key into the next one.
    const across = keys
      .slice(1)
      .map((key, i) => `${keys[i]?.slice(-3)}${key.slice(0, 3)}`)
      .filter((text) => !keys.some((key) => key.includes(text)));
    expect(across.length).toBeGreaterThan(10);
    needles.push(...across.slice(0, 20));
    for (const needle of needles) {
      const matches = sorted.filter((_, i) => keys[i]?.includes(needle));
      for (const [offset, limit] of [
        [0, 20],
        [5, 3],
        [0, 1000],
        [matches.length, 5],
      ] as const) {
        const found = search.search(needle, offset, limit);
        expect(found.total).toBe(matches.length);
        expect(found.items).toStrictEqual(matches.slice(offset, offset + limit));
      }
    }
  });
});

describe('number table', () => {
  const owners = Array.from({ length: 50 }, (_, i) => person(i));
  const builder = new PeopleTableBuilder();
  for (const owner of owners) builder.add(owner);
  const table = builder.seal();
  const info = (e164: string, owner: ExtensionSummary | null, extra = {}): NumberInfo => ({
    e164,
    usageType: pick(['DirectNumber', 'MainCompanyNumber', null]),
    callType: null,
    paymentType: null,
    features: null,
    label: null,
    owner,
    ...extra,
  });
  const pool = Array.from({ length: 400 }, () =>
    pick([`+1650${digits(7)}`, `+1650331${digits(4)}`, `+44${digits(10)}`, `+6565${digits(4)}`]),
  );

  it('keeps what the map of the directory kept, and answers exact and prefix look-ups alike', async () => {
    const numbers = new NumberTableBuilder();
    const reference = new Map<string, NumberInfo>();
    for (let i = 0; i < 1500; i++) {
      const row = Math.floor(next() * owners.length);
      const value = info(pick(pool), owners[row] as ExtensionSummary);
      numbers.addListed(value, row);
      if (!reference.has(value.e164)) reference.set(value.e164, value);
    }
    // One's own numbers win; the last of two wins. The main number only fills a gap.
    const self = owners[0] as ExtensionSummary;
    for (const e164 of [pick(pool), pick(pool), '+16505550100', '+16505550100']) {
      const own = info(e164, self, { features: ['CallerId'], label: `own ${next()}` });
      numbers.override(own);
      reference.set(e164, own);
    }
    for (const e164 of [pick(pool), '+16505550199']) {
      const main = info(e164, null, { usageType: 'MainCompanyNumber' });
      numbers.addIfAbsent(main);
      if (!reference.has(e164)) reference.set(e164, main);
    }
    const index = await numbers.seal(table);
    const expected = new PrefixIndex(
      [...reference.values()].map((v) => ({ e164: v.e164, value: v })),
    );
    expect(index.all()).toStrictEqual(expected.all());
    for (const e164 of [...reference.keys(), '+16505550000', '16505550100']) {
      expect(index.get(e164)).toStrictEqual(expected.get(e164));
    }
    for (const text of [
      '+1650',
      '650331',
      '+44',
      '+1650331',
      '6565',
      '+19',
      '1650*',
      '+16505550100',
    ]) {
      const query = parseNumberQuery(text, 'US');
      for (const page of [{}, { offset: 3, limit: 7 }, { offset: 10_000 }]) {
        expect(index.search(query, page)).toStrictEqual(expected.search(query, page));
      }
    }
  });
});
