import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/catalog-types.ts';
import { catalogConsequences, catalogTrackOf, trackChanges } from './catalog-consequences.ts';
import { upgradeCheck } from './upgrade-check.ts';

const item = (id: number, category: CatalogItem['category'], industryCode: string): CatalogItem => ({
  id,
  category,
  industryCode,
  keywords: [],
  basis: category === 'encouraged' ? 'R1.2-leading' : category === 'restricted' ? 'R1.3-misfit' : 'R1.4-backward',
  note: `条目 ${id}`,
});
const enterprises = [
  { creditCode: 'A', name: '甲鞋业', industryCode: '1952' },
  { creditCode: 'B', name: '乙电气', industryCode: '3823' },
  { creditCode: 'C', name: '丙印刷', industryCode: '2319' },
  { creditCode: 'D', name: '丁未填', industryCode: null },
];

describe('R1.6 which existing enterprises the catalog puts on a track', () => {
  it.each([
    ['eliminated', 'catalog_relocation'],
    ['restricted', 'catalog_upgrade'],
    ['encouraged', null],
    ['unlisted', null],
  ] as const)('%s → %s', (category, track) => {
    expect(catalogTrackOf(category)).toBe(track);
  });
  it('finds eliminated and restricted enterprises from the catalog, most specific item first', () => {
    const items = [item(1, 'eliminated', '19'), item(2, 'restricted', '2319'), item(3, 'encouraged', '1952')];
    const rows = catalogConsequences(enterprises, items);
    expect(rows.map((row) => [row.creditCode, row.category, row.track])).toEqual([
      ['C', 'restricted', 'catalog_upgrade'],
    ]);
    const broader = catalogConsequences(enterprises, [item(1, 'eliminated', '19')]);
    expect(broader.map((row) => [row.creditCode, row.track, row.itemNote])).toEqual([
      ['A', 'catalog_relocation', '条目 1'],
    ]);
  });
  it('a new catalog version lists who changes track, and only them', () => {
    const base = [item(1, 'restricted', '1952'), item(2, 'encouraged', '3823')];
    const next = [item(1, 'eliminated', '1952'), item(3, 'restricted', '2319')];
    const changes = trackChanges(enterprises, base, next);
    expect(changes.map((c) => [c.creditCode, c.fromTrack, c.toTrack])).toEqual([
      ['A', 'catalog_upgrade', 'catalog_relocation'],
      ['C', null, 'catalog_upgrade'],
    ]);
    // 乙: encouraged → unlisted changes the class but not the track: not listed.
    expect(changes[0]!.explanation).toContain('由限制类变为淘汰类');
    expect(trackChanges(enterprises, next, base).map((c) => c.toTrack)).toEqual(['catalog_upgrade', null]);
  });
});

describe('R1.6 restricted enterprises: technology upgrade within the original capacity, all three conditions met', () => {
  const ok = { environmentOk: true, safetyOk: true, energyOk: true };
  it.each([
    ['100', '99.9999', true],
    ['100', '100', true],
    ['100', '100.0001', false],
    ['0.3', '0.30', true],
  ])('original %s, planned %s → allowed %s', (originalCapacity, plannedCapacity, allowed) => {
    expect(upgradeCheck({ originalCapacity, plannedCapacity, ...ok }).allowed).toBe(allowed);
  });
  it.each(['environmentOk', 'safetyOk', 'energyOk'] as const)('refused when %s is not confirmed', (field) => {
    const verdict = upgradeCheck({ originalCapacity: '10', plannedCapacity: '10', ...ok, [field]: false });
    expect(verdict.allowed).toBe(false);
    expect(verdict.reasons).toHaveLength(1);
  });
  it('says every reason at once, expansion included', () => {
    const verdict = upgradeCheck({
      originalCapacity: '10',
      plannedCapacity: '12',
      environmentOk: false,
      safetyOk: false,
      energyOk: false,
    });
    expect(verdict.reasons).toHaveLength(4);
    expect(verdict.reasons[0]).toContain('超过原有产能 10');
  });
  it('a zero capacity is refused', () => {
    expect(upgradeCheck({ originalCapacity: '0', plannedCapacity: '0', ...ok }).allowed).toBe(false);
  });
});
