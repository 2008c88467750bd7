import { describe, expect, it } from 'vitest';
import type { CatalogItemDraft } from './catalog-types.ts';
import { catalogProblems, itemProblems, versionInForce, type CatalogVersionSummary } from './catalog-versions.ts';

function version(id: number, overrides: Partial<CatalogVersionSummary> = {}): CatalogVersionSummary {
  return {
    id,
    status: 'published',
    effectiveDate: '2018-10-01',
    publishedAt: '2018-09-30T02:00:00.000Z',
    ...overrides,
  };
}

describe('versionInForce (R1.1: catalogs are versioned; the published one in force applies)', () => {
  const first = version(1, { effectiveDate: '2018-10-01' });
  const second = version(2, { effectiveDate: '2025-01-01', publishedAt: '2024-12-01T02:00:00.000Z' });
  const draft = version(3, { status: 'draft', effectiveDate: '2019-01-01', publishedAt: null });

  it.each([
    ['2018-09-30', null, 'before any effective date: nothing in force'],
    ['2018-10-01', 1, 'on the effective date itself'],
    ['2024-12-31', 1, 'a later version published with a future date waits'],
    ['2025-01-01', 2, 'the later version takes over on its effective date'],
    ['2030-06-30', 2, 'and stays'],
  ])('R1.1: on %s the version in force is %s (%s)', (today, id, _why) => {
    expect(versionInForce([first, second, draft], today)?.id ?? null).toBe(id);
  });

  it('R1.1: drafts are ignored even with an effective date', () => {
    expect(versionInForce([draft], '2020-01-01')).toBeNull();
    expect(versionInForce([first, draft], '2020-01-01')?.id).toBe(1);
  });

  it('R1.1: a published version without an effective date is ignored; no versions → null', () => {
    expect(versionInForce([version(4, { effectiveDate: null })], '2020-01-01')).toBeNull();
    expect(versionInForce([], '2020-01-01')).toBeNull();
  });

  it('R1.1: the order of the list does not matter', () => {
    expect(versionInForce([second, draft, first], '2024-12-31')?.id).toBe(1);
    expect(versionInForce([second, draft, first], '2025-01-02')?.id).toBe(2);
  });

  it.each([
    ['ISO strings', '2018-10-03T01:00:00.000Z', '2018-10-04T01:00:00.000Z'],
    // A Wednesday and the following Thursday: as text "Wed …" sorts after "Thu …", as time it is earlier.
    ['Date objects', new Date('2018-10-03T01:00:00.000Z'), new Date('2018-10-04T01:00:00.000Z')],
    ['a Date and a string', new Date('2018-10-03T01:00:00.000Z'), '2018-10-04T01:00:00.000Z'],
    ['PostgreSQL text timestamps', '2018-10-03 09:00:00+08', '2018-10-04 09:00:00+08'],
    ['null (never published) against a time', null, '2018-10-04T01:00:00.000Z'],
  ])('R1.1: ties on the effective date go to the later publication (%s)', (_name, earlier, later) => {
    const a = version(10, { effectiveDate: '2018-10-05', publishedAt: earlier });
    const b = version(11, { effectiveDate: '2018-10-05', publishedAt: later });
    expect(versionInForce([a, b], '2018-12-31')?.id).toBe(11);
    expect(versionInForce([b, a], '2018-12-31')?.id).toBe(11);
  });

  it('R1.1: a later effective date beats a later publication', () => {
    const earlyDateLatePublication = version(20, { effectiveDate: '2019-01-01', publishedAt: '2019-06-01T00:00:00Z' });
    const lateDateEarlyPublication = version(21, { effectiveDate: '2019-02-01', publishedAt: '2018-12-01T00:00:00Z' });
    expect(versionInForce([earlyDateLatePublication, lateDateEarlyPublication], '2019-12-31')?.id).toBe(21);
  });
});

function draftItem(overrides: Partial<CatalogItemDraft> & Pick<CatalogItemDraft, 'industryCode'>): CatalogItemDraft {
  return { category: 'encouraged', basis: 'R1.2-leading', keywords: [], note: '', ...overrides };
}
const eliminated = (industryCode: string, keywords: string[] = []) =>
  draftItem({ industryCode, category: 'eliminated', basis: 'R1.4-overcapacity', keywords });

describe('itemProblems (R1.2–R1.4, D12)', () => {
  it.each([
    ['3731', '金属船舶'],
    ['3732', '非金属船舶'],
    ['3736', '船舶拆除'],
    ['31', '钢铁'],
    ['3110', '炼铁 under 钢铁'],
    ['3130', '钢压延 under 钢铁'],
    ['3011', '水泥'],
    ['3216', '电解铝'],
    ['3041', '平板玻璃'],
  ])('R1.4/D12: encouraged %s (%s) is refused', (industryCode) => {
    const problems = itemProblems(draftItem({ industryCode }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('不得列为鼓励类');
    expect(problems[0]).toContain('§一(二)');
  });

  it.each(['3737', '3739', '3042', '3012', '3217', '32', '4342'])(
    'D12: encouraged %s is not overcapacity and is accepted',
    (industryCode) => {
      expect(itemProblems(draftItem({ industryCode }))).toEqual([]);
    },
  );

  it.each([
    ['restricted', 'R1.3-misfit'],
    ['eliminated', 'R1.4-overcapacity'],
    ['eliminated', 'R1.4-national-eliminated'],
  ] as const)('R1.4: an overcapacity code may be %s (basis %s)', (category, basis) => {
    expect(itemProblems(draftItem({ industryCode: '3731', category, basis }))).toEqual([]);
  });

  it.each([
    ['encouraged', 'R1.4-overcapacity'],
    ['encouraged', 'R1.3-misfit'],
    ['restricted', 'R1.2-leading'],
    ['restricted', 'R1.4-backward'],
    ['eliminated', 'R1.2-emerging'],
    ['eliminated', 'R1.3-national-restricted'],
  ] as const)('R1.2–R1.4: %s with basis %s is a basis/category mismatch', (category, basis) => {
    const problems = itemProblems(draftItem({ industryCode: '3612', category, basis }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('不能把条目列为');
  });

  it('R1.4: an encouraged overcapacity item with the wrong basis reports both problems', () => {
    expect(itemProblems(draftItem({ industryCode: '3011', basis: 'R1.4-backward' }))).toHaveLength(2);
  });

  it.each(['', '3', '12345', 'c', 'X1', '36a'])(
    'D13: malformed code %j is reported and nothing else is checked',
    (industryCode) => {
      const problems = itemProblems(draftItem({ industryCode }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('格式不正确');
    },
  );
});

describe('catalogProblems (R1.4, D12: what stops a catalog from being published)', () => {
  it('R1.4/D12: encouraged 37 with nothing more specific for 3731–3736 is refused, once per ship class', () => {
    const problems = catalogProblems([draftItem({ industryCode: '37' })], '瓯江口产业集聚区');
    expect(problems.map((p) => p.message.match(/（(\d{4})）/)?.[1])).toEqual([
      '3731',
      '3732',
      '3733',
      '3734',
      '3735',
      '3736',
    ]);
    expect(problems.every((p) => p.itemIndex === null && p.industryCode === '37')).toBe(true);
  });

  it('R1.4/D12: encouraged 37 with an eliminated 373 item is accepted', () => {
    expect(catalogProblems([draftItem({ industryCode: '37' }), eliminated('373')], 'x')).toEqual([]);
  });

  it('R1.4/D12: encouraged 37 with eliminated 3731 only still leaves 3732–3736 encouraged', () => {
    const problems = catalogProblems([draftItem({ industryCode: '37' }), eliminated('3731')], 'x');
    expect(problems).toHaveLength(5);
    expect(problems.some((p) => p.message.includes('（3731）'))).toBe(false);
  });

  it('R1.4/D12: an eliminated item narrowed by keywords does not cover the ship class', () => {
    const problems = catalogProblems([draftItem({ industryCode: '37' }), eliminated('3731', ['散货船'])], 'x');
    expect(problems.some((p) => p.message.includes('（3731）'))).toBe(true);
  });

  it('D12: encouraged 3737 (offshore engineering equipment) next to eliminated ships is accepted', () => {
    const ships = ['3731', '3732', '3733', '3734', '3735', '3736'].map((code) => eliminated(code));
    expect(
      catalogProblems([draftItem({ industryCode: '3737' }), draftItem({ industryCode: '373' }), ...ships], 'x'),
    ).toEqual([]);
    expect(catalogProblems([draftItem({ industryCode: '3737' })], 'x')).toEqual([]);
  });

  it('R1.4: encouraged 门类 C without the five overcapacity industries listed is refused for each of them', () => {
    const codes = catalogProblems([draftItem({ industryCode: 'C' })], 'x').map(
      (p) => p.message.match(/（(\d+)）/)?.[1],
    );
    expect(codes).toEqual(['31', '3011', '3216', '3041', '3731', '3732', '3733', '3734', '3735', '3736']);
  });

  it('R1.4: an encouraged 3731 item is reported with its index (and not twice)', () => {
    const problems = catalogProblems([eliminated('31'), draftItem({ industryCode: '3731' })], 'x');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ itemIndex: 1, industryCode: '3731' });
  });

  it('R1.2–R1.4: a basis/category mismatch carries its item index', () => {
    const problems = catalogProblems(
      [draftItem({ industryCode: '3612' }), draftItem({ industryCode: '2720', basis: 'R1.3-misfit' })],
      'x',
    );
    expect(problems).toEqual([
      { itemIndex: 1, industryCode: '2720', message: expect.stringContaining('不能把条目列为') },
    ]);
  });

  it.each<[string, CatalogItemDraft, CatalogItemDraft]>([
    [
      'same code, no keywords',
      draftItem({ industryCode: '3612' }),
      draftItem({ industryCode: '3612', category: 'restricted', basis: 'R1.3-misfit' }),
    ],
    [
      'same keywords in another order',
      draftItem({ industryCode: '2612', keywords: ['纯碱', '烧碱'] }),
      draftItem({ industryCode: '2612', keywords: ['烧碱', '纯碱'] }),
    ],
    [
      'same keywords with blanks around',
      draftItem({ industryCode: '2612', keywords: ['纯碱'] }),
      draftItem({ industryCode: '2612', keywords: [' 纯碱 ', ''] }),
    ],
  ])('R1.1: duplicates are refused (%s)', (_name, a, b) => {
    const problems = catalogProblems([draftItem({ industryCode: '13' }), a, b], 'x');
    expect(problems).toEqual([
      { itemIndex: 2, industryCode: b.industryCode, message: '与第 2 条重复（同一行业代码和关键词）' },
    ]);
  });

  it('R1.1: the same code with different keywords is not a duplicate', () => {
    const items = [draftItem({ industryCode: '2612' }), draftItem({ industryCode: '2612', keywords: ['纯碱'] })];
    expect(catalogProblems(items, 'x')).toEqual([]);
  });

  it('D13: a malformed code is reported and skipped by the overcapacity check', () => {
    const problems = catalogProblems([draftItem({ industryCode: '3x' }), eliminated('31')], 'x');
    expect(problems).toEqual([{ itemIndex: 0, industryCode: '3x', message: expect.stringContaining('格式不正确') }]);
  });
});
