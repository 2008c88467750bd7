import { describe, expect, it } from 'vitest';
import { catalogItemKey, diffCatalogs } from './catalog-diff.ts';
import type { CatalogItem } from './catalog-types.ts';

function buildItem(overrides: Partial<CatalogItem> & Pick<CatalogItem, 'id' | 'industryCode'>): CatalogItem {
  return { category: 'encouraged', basis: 'R1.2-leading', keywords: [], note: '主导产业', ...overrides };
}

describe('catalogItemKey (R1.1: the same line across catalog versions)', () => {
  it.each([
    [{ industryCode: '3612', keywords: [] }, '3612|'],
    [{ industryCode: '2612', keywords: ['烧碱', '纯碱'] }, '2612|烧碱、纯碱'],
    [{ industryCode: '2612', keywords: ['纯碱', '烧碱'] }, '2612|烧碱、纯碱'],
    [{ industryCode: '2612', keywords: [' 纯碱 ', '', '  ', '烧碱'] }, '2612|烧碱、纯碱'],
  ])('R1.1: %o → %s (keyword order and blanks do not matter)', (item, key) => {
    expect(catalogItemKey(item)).toBe(key);
  });
});

describe('diffCatalogs (R1.1: the drc reviews what a draft changes before publishing)', () => {
  const base = [
    buildItem({ id: 1, industryCode: '361' }),
    buildItem({ id: 2, industryCode: '3670' }),
    buildItem({ id: 3, industryCode: '27', category: 'restricted', basis: 'R1.3-misfit', note: '高新区主导产业' }),
    buildItem({
      id: 4,
      industryCode: '2612',
      category: 'restricted',
      basis: 'R1.3-national-restricted',
      keywords: ['纯碱', '烧碱'],
    }),
    buildItem({ id: 5, industryCode: '3011', category: 'eliminated', basis: 'R1.4-overcapacity', note: '水泥' }),
  ];
  // New ids (a draft copies items), one keyword order swapped, one note, one class, one removal, one addition.
  const next = [
    buildItem({ id: 11, industryCode: '361' }),
    buildItem({ id: 12, industryCode: '3670', note: '汽车关键零部件' }),
    buildItem({ id: 13, industryCode: '27', category: 'encouraged', basis: 'R1.2-emerging', note: '高新区主导产业' }),
    buildItem({
      id: 14,
      industryCode: '2612',
      category: 'restricted',
      basis: 'R1.3-national-restricted',
      keywords: ['烧碱', '纯碱'],
    }),
    buildItem({ id: 16, industryCode: '3962' }),
  ];
  const diff = diffCatalogs(base, next);

  it('R1.1: added — a code (with its keywords) that the base does not list', () => {
    expect(diff.added.map((i) => i.id)).toEqual([16]);
  });

  it('R1.1: removed — a base line missing from the draft', () => {
    expect(diff.removed.map((i) => i.id)).toEqual([5]);
  });

  it('R1.1: changed — the same line with another class, basis or note, naming the fields', () => {
    expect(diff.changed.map((c) => [c.before.id, c.after.id, c.fields])).toEqual([
      [2, 12, ['note']],
      [3, 13, ['category', 'basis']],
    ]);
  });

  it('R1.1: unchanged — ids and keyword order do not count as changes', () => {
    expect(diff.unchanged).toBe(2);
  });

  it('R1.1: narrowing an item by a keyword makes it another line (one removed, one added)', () => {
    const narrowed = diffCatalogs(
      [buildItem({ id: 1, industryCode: '3670' })],
      [buildItem({ id: 2, industryCode: '3670', keywords: ['铸造'] })],
    );
    expect(narrowed.added.map((i) => i.id)).toEqual([2]);
    expect(narrowed.removed.map((i) => i.id)).toEqual([1]);
    expect(narrowed.changed).toEqual([]);
    expect(narrowed.unchanged).toBe(0);
  });

  it.each([
    ['empty against empty', [], [], { added: 0, removed: 0, changed: 0, unchanged: 0 }],
    ['a first catalog (no base)', [], base, { added: 5, removed: 0, changed: 0, unchanged: 0 }],
    ['withdrawing everything', base, [], { added: 0, removed: 5, changed: 0, unchanged: 0 }],
    ['the same catalog', base, base, { added: 0, removed: 0, changed: 0, unchanged: 5 }],
  ])('R1.1: %s', (_name, before, after, counts) => {
    const result = diffCatalogs(before, after);
    expect({
      added: result.added.length,
      removed: result.removed.length,
      changed: result.changed.length,
      unchanged: result.unchanged,
    }).toEqual(counts);
  });
});
