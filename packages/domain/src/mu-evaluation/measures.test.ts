import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEASURE_SETTINGS,
  MEASURE_CODES,
  MEASURE_DEFAULT_SOURCES,
  MEASURE_LABELS,
  measureSettingsSchema,
  measuresFor,
  measuresOf,
  type MeasureSettings,
} from './measures.ts';
import { buildRecord } from '../enterprise-records/record-builder.test-support.ts';

const settings = (change: Partial<MeasureSettings>): MeasureSettings => ({ ...DEFAULT_MEASURE_SETTINGS, ...change });

describe('R3.3 differentiated measures for C and D', () => {
  it("lists all six measures, in the policy's order, with the electricity surcharge amount in 万元", () => {
    const measures = measuresOf('C', buildRecord({ electricityKwh: '1234567' }));
    expect(measures.map((m) => m.code)).toEqual([...MEASURE_CODES]);
    expect(measures[0]).toEqual({
      code: 'electricity_surcharge',
      label: '电价加价',
      amount: '12.34567', // 0.10 元/kWh × 1 234 567 kWh = 123 456.7 元
      unit: '万元',
      basis: 'C类电价加价 0.1 元/千瓦时 × 用电量 1234567 千瓦时 = 12.34567 万元',
    });
  });

  it('charges D the higher default rate (0.15 元/kWh, DOMAIN-FACTS §1.6)', () => {
    expect(measuresOf('D', buildRecord({ electricityKwh: '1000000' }))[0]?.amount).toBe('15');
  });

  it('computes the water surcharge once a base price is set, exactly', () => {
    const water = measuresOf('C', buildRecord({ waterTons: '10000' }), settings({ waterBasePriceYuanPerTon: 4.5 }))[1];
    expect(water).toMatchObject({ code: 'water_surcharge', amount: '0.675', unit: '万元' }); // 4.5 × 15 % × 10 000 t = 6 750 元
    const d = measuresOf('D', buildRecord({ waterTons: '3' }), settings({ waterBasePriceYuanPerTon: 0.1 }))[1];
    expect(d?.amount).toBe('0.000009'); // 0.1 × 30 % × 3 t = 0.09 元 (floats: 0.09000000000000001)
  });

  it('lists the water surcharge without amount while the base price is not set (the default)', () => {
    const water = measuresOf('C', buildRecord({ waterTons: '10000' }))[1];
    expect(water).toEqual({
      code: 'water_surcharge',
      label: '水价加价',
      basis: 'C类水价加价 15%；基础水价未配置，无法计算金额',
    });
  });

  it("cuts the energy quota by a configured share of the year's energy use, in 吨标煤", () => {
    const energy = measuresOf(
      'D',
      buildRecord({ energyTce: '300' }),
      settings({ energyQuotaCutPercent: { C: 5, D: 10 } }),
    )[2];
    expect(energy).toMatchObject({ code: 'energy_quota_cut', amount: '30', unit: '吨标煤' });
    expect(measuresOf('D', buildRecord({}))[2]).toEqual({
      code: 'energy_quota_cut',
      label: '降低年度用能指标',
      basis: 'D类降低年度用能指标，削减比例未配置',
    });
  });

  it('says why an amount is missing when the figure is missing', () => {
    expect(measuresOf('C', buildRecord({ electricityKwh: null }))[0]).toEqual({
      code: 'electricity_surcharge',
      label: '电价加价',
      basis: 'C类电价加价 0.1 元/千瓦时；用电量缺失，无法计算金额',
    });
  });

  it('leaves out a measure whose rate is 0 for the class', () => {
    const measures = measuresOf('C', buildRecord({}), settings({ electricitySurchargeYuanPerKwh: { C: 0, D: 0.3 } }));
    expect(measures.map((m) => m.code)).not.toContain('electricity_surcharge');
    expect(measures).toHaveLength(5);
  });

  it('applies to C and D only, matched by credit code', () => {
    const records = ['A', 'B', 'C', 'D', 'T'].map((cls) => buildRecord({ creditCode: `E-${cls}` }));
    const items = measuresFor({
      results: records.map((r) => ({ creditCode: r.creditCode, class: r.creditCode.slice(2) as 'A' })),
      records,
    });
    expect(items.map((item) => [item.creditCode, item.class])).toEqual([
      ['E-C', 'C'],
      ['E-D', 'D'],
    ]);
  });

  it('labels every measure in Chinese and marks the defaults with their source', () => {
    expect(Object.values(MEASURE_LABELS)).toEqual([
      '电价加价',
      '水价加价',
      '降低年度用能指标',
      '不得单独供地',
      '限制新增排污权指标',
      '不得享受政府奖励',
    ]);
    expect(MEASURE_DEFAULT_SOURCES.electricitySurchargeYuanPerKwh).toContain('默认值');
  });

  it('refuses negative rates', () => {
    const result = measureSettingsSchema.safeParse({
      ...DEFAULT_MEASURE_SETTINGS,
      electricitySurchargeYuanPerKwh: { C: -0.1, D: 0.2 },
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['C 类电价加价（元/千瓦时）不能为负数']);
    expect(measureSettingsSchema.safeParse(DEFAULT_MEASURE_SETTINGS).success).toBe(true);
  });
});
