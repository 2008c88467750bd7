import { describe, expect, it } from 'vitest';
import {
  HEAVY_INDICATORS,
  INDICATOR_CODES,
  INDICATOR_LABELS,
  INDICATORS,
  indicatorValue,
  landMu,
  recordFigures,
  taxPerMuExact,
} from './indicators.ts';
import { buildRecord } from '../enterprise-records/record-builder.test-support.ts';

const value = (code: Parameters<typeof indicatorValue>[0], overrides: Parameters<typeof buildRecord>[0]) =>
  indicatorValue(code, recordFigures(buildRecord(overrides)));

describe('R3.2 indicator values (DOMAIN-FACTS §1.2)', () => {
  it('measures per 亩 on land owned + land leased; a tenant on its leased land alone', () => {
    expect(value('tax_per_mu', { tax: '100', landOwned: '6', landLeased: '4' })).toBe(10);
    expect(value('tax_per_mu', { tax: '100', landOwned: null, landLeased: '4' })).toBe(25);
    expect(value('tax_per_mu', { tax: '100', landOwned: '0', landLeased: '4' })).toBe(25);
    expect(value('value_added_per_mu', { valueAdded: '500', landOwned: '10', landLeased: null })).toBe(50);
    expect(value('revenue_per_mu', { revenue: '2000', landOwned: '8', landLeased: '2' })).toBe(200);
  });

  it('has nothing to measure against when land, employees or a denominator is 0 or missing: null (missing)', () => {
    expect(value('tax_per_mu', { landOwned: '0', landLeased: '0' })).toBeNull();
    expect(value('tax_per_mu', { landOwned: null, landLeased: null })).toBeNull();
    expect(value('labour_productivity', { employees: '0' })).toBeNull();
    expect(value('labour_productivity', { employees: null })).toBeNull();
    expect(value('rd_intensity', { revenue: '0' })).toBeNull();
    expect(value('value_added_per_emission', { emissionsTons: '0' })).toBeNull();
    expect(value('tax_per_mu', { tax: null })).toBeNull();
  });

  it('keeps a real 0 (nothing paid over real land) as 0, not missing', () => {
    expect(value('tax_per_mu', { tax: '0' })).toBe(0);
    expect(value('energy_per_value_added', { energyTce: '0', valueAdded: '500' })).toBe(0);
  });

  it('computes each formula with its unit', () => {
    const figures = {
      tax: '100',
      valueAdded: '500',
      revenue: '2000',
      rdExpense: '60',
      employees: '100',
      energyTce: '250',
      emissionsTons: '2',
      electricityKwh: '1000000',
    };
    expect(value('labour_productivity', figures)).toBe(5);
    expect(value('tax_per_employee', figures)).toBe(1);
    expect(value('rd_intensity', figures)).toBe(0.03);
    expect(value('value_added_per_energy', figures)).toBe(2);
    expect(value('value_added_per_emission', figures)).toBe(250);
    expect(value('tax_per_electricity', figures)).toBe(1); // 100 万元 = 1 000 000 元 over 1 000 000 kWh
    expect(value('energy_per_value_added', figures)).toBe(0.5);
    expect(value('emissions_per_value_added', figures)).toBe(0.004);
  });

  it('names every indicator in Chinese; 单位能耗/排放增加值 are higher-is-better, their inverses lower-is-better', () => {
    for (const code of INDICATOR_CODES) expect(INDICATOR_LABELS[code]).toMatch(/[\u4e00-\u9fff]/);
    expect(INDICATOR_LABELS.value_added_per_energy).toBe('单位能耗增加值');
    expect(INDICATORS.value_added_per_energy.direction).toBe('higher');
    expect(INDICATORS.energy_per_value_added.direction).toBe('lower');
    expect(INDICATORS.emissions_per_value_added.direction).toBe('lower');
    expect(HEAVY_INDICATORS.map((code) => INDICATOR_LABELS[code])).toEqual([
      '亩均税收',
      '亩均增加值',
      '全员劳动生产率',
    ]);
  });
});

describe('exact 亩 and 亩均税收 (D1)', () => {
  it('adds land exactly: 0.1 + 0.7 亩 is 0.8, so 0.8 万元 over it is exactly 1 万元/亩', () => {
    const record = buildRecord({ landOwned: '0.1', landLeased: '0.7', tax: '0.8' });
    expect(landMu(record)?.toFixed()).toBe('0.8');
    expect(taxPerMuExact(record)?.toFixed()).toBe('1');
    // The float path is off by one ulp — why the bars of R3.4 are not judged in floats.
    expect(0.8 / (0.1 + 0.7)).toBeGreaterThan(1);
  });

  it('is null without land or tax', () => {
    expect(taxPerMuExact(buildRecord({ landOwned: '0', landLeased: null }))).toBeNull();
    expect(taxPerMuExact(buildRecord({ tax: null }))).toBeNull();
    expect(landMu({ landOwned: null, landLeased: null })).toBeNull();
  });
});
