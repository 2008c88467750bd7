import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/catalog-types.ts';
import { futureSpace, industryProfile, leadingIndustryName, leadingIndustryOf } from './industry-profile.ts';

const leading = (id: number, industryCode: string, note: string): CatalogItem => ({
  id,
  category: 'encouraged',
  industryCode,
  keywords: [],
  basis: 'R1.2-leading',
  note,
});
const items = [
  leading(1, '3841', '瓯江口主导产业：新能源——锂离子电池'),
  leading(2, '38', '瓯江口主导产业：智能电气——电气机械'),
];
const rec = (creditCode: string, industryCode: string | null, revenue: string | null, tax = '1', valueAdded = '1') => ({
  creditCode,
  industryCode,
  revenue,
  tax,
  valueAdded,
});

describe('§三(一) industry profile: totals, shares and change on the year', () => {
  it('names the leading industry from the catalog note', () => {
    expect(leadingIndustryName('瓯江口主导产业：新能源——光伏设备')).toBe('新能源');
    expect(leadingIndustryName('其他说明')).toBe('其他说明');
    expect(leadingIndustryOf('3841', items)).toBe('新能源');
    expect(leadingIndustryOf('3823', items)).toBe('智能电气');
    expect(leadingIndustryOf('2720', items)).toBe('非主导产业');
    expect(leadingIndustryOf(null, items)).toBe('非主导产业');
  });
  it('adds up exactly, gives shares as fractions and the change on the previous year', () => {
    const profile = industryProfile({
      records: [rec('A', '3841', '0.1'), rec('B', '3823', '0.2'), rec('C', '2720', '0.7'), rec('D', null, null)],
      previousRecords: [rec('A', '3841', '0.05'), rec('C', '2720', '0.7')],
      leadingItems: items,
    });
    expect(profile.total.figures.revenue).toEqual({ value: '1', share: 1, previous: '0.75', change: 0.333333 });
    expect(profile.total.figures.enterprises).toMatchObject({ value: '4', previous: '2', change: 1 });
    expect(profile.total.missing).toBe(1);
    const division38 = profile.byDivision.find((row) => row.key === '38')!;
    expect(division38.figures.revenue).toEqual({ value: '0.3', share: 0.3, previous: '0.05', change: 5 });
    const newEnergy = profile.byLeading.find((row) => row.key === '新能源')!;
    expect(newEnergy.figures.revenue).toMatchObject({ value: '0.1', share: 0.1, change: 1 });
    expect(profile.byDivision.map((row) => row.key)).toEqual(['27', '38', '未填行业']);
    const noPrevious = profile.byLeading.find((row) => row.key === '智能电气')!;
    expect(noPrevious.figures.revenue.change).toBeNull();
  });
  it('an empty year has no shares', () => {
    const profile = industryProfile({ records: [], previousRecords: [], leadingItems: items });
    expect(profile.total.figures.tax).toEqual({ value: '0', share: null, previous: '0', change: null });
  });
});

describe('§三(一) future space from the parcel ledger', () => {
  it('adds the land by planned use and kind exactly', () => {
    const space = futureSpace([
      { plannedUse: '工业用地', kind: 'approved_not_supplied', area: '10.1' },
      { plannedUse: '工业用地', kind: 'idle', area: '0.2' },
      { plannedUse: '仓储用地', kind: 'vacated', area: '30' },
    ]);
    expect(space.total).toBe('40.3');
    expect(space.rows[0]).toEqual({
      plannedUse: '仓储用地',
      byKind: { approved_not_supplied: '0', idle: '0', vacated: '30' },
      total: '30',
      parcels: 1,
    });
    expect(space.rows[1]!.total).toBe('10.3');
  });
});
