import Decimal from 'decimal.js';
import { z } from 'zod';
import type { EvaluationClass } from './classes.ts';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';

/**
 * R3.3 (§三(二) "对C、D类企业，实行电价加价、降低年度用能指标、水价加价、不得单独供地、限制新增排污权指标、不得享受政府奖励"):
 * the six measures apply to every C and D enterprise; the three with a quantity carry the yearly amount, money in
 * 万元 with the rate beside it (D3), computed exactly (D1). The original also says "按ABCD四类执行差异化资源要素政策":
 * A and B get favourable policies it does not list; POLICY.md and the issue cover only C and D, and so does this.
 */
export const MEASURE_CODES = [
  'electricity_surcharge',
  'water_surcharge',
  'energy_quota_cut',
  'no_separate_land_supply',
  'no_new_emission_rights',
  'no_government_rewards',
] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

export const MEASURE_LABELS: Record<MeasureCode, string> = {
  electricity_surcharge: '电价加价',
  water_surcharge: '水价加价',
  energy_quota_cut: '降低年度用能指标',
  no_separate_land_supply: '不得单独供地',
  // The seed says 限制 (restrict), not 禁止: POLICY.md's "no new emission rights" is stronger than the original.
  no_new_emission_rights: '限制新增排污权指标',
  no_government_rewards: '不得享受政府奖励',
};

export const MEASURE_CLASSES = ['C', 'D'] as const;
export type MeasureClass = (typeof MEASURE_CLASSES)[number];

/** The figures of a record the measures' amounts are computed from (null: unknown, the amount is not given). */
export type MeasureFigures = Pick<EnterpriseRecord, 'electricityKwh' | 'waterTons' | 'energyTce'>;

/**
 * Per class: a rate, 0 to not apply that measure to the class, or null when not configured (the measure is listed
 * without an amount and says so).
 */
type PerClass = Record<MeasureClass, number | null>;
export type MeasureSettings = {
  /** 元/kWh added to the price of every kWh used in the year. */
  electricitySurchargeYuanPerKwh: PerClass;
  /** % added to the water price; the amount needs the base price below. */
  waterSurchargePercent: PerClass;
  /** 元/吨, the non-residential water price the surcharge applies to. */
  waterBasePriceYuanPerTon: number | null;
  /** % of the year's energy use (吨标煤) taken off next year's energy quota. */
  energyQuotaCutPercent: PerClass;
};

/**
 * Defaults (DOMAIN-FACTS.md §1.6), each a default to be confirmed by the eitc:
 * - electricity: C 0.10 元/kWh and D 0.15 元/kWh — Ruian (Wenzhou) 2018: C 0.10, its bottom band "C−" 0.15;
 * - water: C +15 %, D +30 % — Ruian 2018 names "+15 % or +30 %" for C; the higher step is taken for D. No base water
 *   price is sourced, so it is not set and the amount is not computed until it is;
 * - energy quota cut: no source gives a figure, so it is not set (listed without amount).
 */
export const DEFAULT_MEASURE_SETTINGS: MeasureSettings = {
  electricitySurchargeYuanPerKwh: { C: 0.1, D: 0.15 },
  waterSurchargePercent: { C: 15, D: 30 },
  waterBasePriceYuanPerTon: null,
  energyQuotaCutPercent: { C: null, D: null },
};

export const MEASURE_DEFAULT_SOURCES: Record<keyof MeasureSettings, string> = {
  electricitySurchargeYuanPerKwh: '默认值：瑞安 2018 年 C 类 0.10 元/千瓦时、末档 0.15 元/千瓦时（参照瑞安市做法）',
  waterSurchargePercent: '默认值：瑞安 2018 年 C 类水价每立方米加价 15% 或 30%，D 类取 30%（参照瑞安市做法）',
  waterBasePriceYuanPerTon: '未设默认值：无可查证的基础水价，请经信委填写后计算水价加价金额',
  energyQuotaCutPercent: '未设默认值：无可查证的削减比例，请经信委填写后计算削减的用能指标',
};

const rate = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, { error: `${label}不能为负数` })
    .nullable();
const perClass = (label: string) => z.object({ C: rate(`C 类${label}`), D: rate(`D 类${label}`) });

export const measureSettingsSchema = z.object({
  electricitySurchargeYuanPerKwh: perClass('电价加价（元/千瓦时）'),
  waterSurchargePercent: perClass('水价加价比例（%）'),
  waterBasePriceYuanPerTon: rate('基础水价（元/吨）'),
  energyQuotaCutPercent: perClass('用能指标削减比例（%）').refine(
    (value) => (value.C ?? 0) <= 100 && (value.D ?? 0) <= 100,
    {
      error: '用能指标削减比例不能超过 100%',
    },
  ),
});

export type Measure = { code: MeasureCode; label: string; amount?: string; unit?: '万元' | '吨标煤'; basis: string };
export type EnterpriseMeasures = { creditCode: string; class: MeasureClass; measures: Measure[] };

const fmt = (value: Decimal.Value) => new Decimal(value).toFixed();

/** The measures of one enterprise of class C or D, in the order of the policy text. */
export function measuresOf(
  cls: MeasureClass,
  record: MeasureFigures,
  settings: MeasureSettings = DEFAULT_MEASURE_SETTINGS,
): Measure[] {
  const measures: Measure[] = [];
  const add = (code: MeasureCode, rest: Omit<Measure, 'code' | 'label'>) =>
    measures.push({ code, label: MEASURE_LABELS[code], ...rest });
  const prefix = `${cls}类`;

  const electricityRate = settings.electricitySurchargeYuanPerKwh[cls];
  if (electricityRate !== 0) {
    if (electricityRate === null) add('electricity_surcharge', { basis: `${prefix}电价加价标准未配置` });
    else if (record.electricityKwh === null)
      add('electricity_surcharge', {
        basis: `${prefix}电价加价 ${fmt(electricityRate)} 元/千瓦时；用电量缺失，无法计算金额`,
      });
    else {
      // 元/kWh × kWh = 元; ÷ 10000 = 万元.
      const amount = new Decimal(electricityRate).times(record.electricityKwh).dividedBy(10_000);
      add('electricity_surcharge', {
        amount: fmt(amount),
        unit: '万元',
        basis: `${prefix}电价加价 ${fmt(electricityRate)} 元/千瓦时 × 用电量 ${record.electricityKwh} 千瓦时 = ${fmt(amount)} 万元`,
      });
    }
  }

  const waterPercent = settings.waterSurchargePercent[cls];
  if (waterPercent !== 0) {
    const base = settings.waterBasePriceYuanPerTon;
    if (waterPercent === null) add('water_surcharge', { basis: `${prefix}水价加价比例未配置` });
    else if (base === null)
      add('water_surcharge', { basis: `${prefix}水价加价 ${fmt(waterPercent)}%；基础水价未配置，无法计算金额` });
    else if (record.waterTons === null)
      add('water_surcharge', { basis: `${prefix}水价加价 ${fmt(waterPercent)}%；用水量缺失，无法计算金额` });
    else {
      const amount = new Decimal(base).times(waterPercent).dividedBy(100).times(record.waterTons).dividedBy(10_000);
      add('water_surcharge', {
        amount: fmt(amount),
        unit: '万元',
        basis: `${prefix}水价加价 ${fmt(waterPercent)}% × 基础水价 ${fmt(base)} 元/吨 × 用水量 ${record.waterTons} 吨 = ${fmt(amount)} 万元`,
      });
    }
  }

  const energyPercent = settings.energyQuotaCutPercent[cls];
  if (energyPercent !== 0) {
    if (energyPercent === null) add('energy_quota_cut', { basis: `${prefix}降低年度用能指标，削减比例未配置` });
    else if (record.energyTce === null)
      add('energy_quota_cut', { basis: `${prefix}用能指标削减 ${fmt(energyPercent)}%；综合能耗缺失，无法计算` });
    else {
      const amount = new Decimal(record.energyTce).times(energyPercent).dividedBy(100);
      add('energy_quota_cut', {
        amount: fmt(amount),
        unit: '吨标煤',
        basis: `${prefix}用能指标削减 ${fmt(energyPercent)}% × 综合能耗 ${record.energyTce} 吨标煤 = ${fmt(amount)} 吨标煤`,
      });
    }
  }

  add('no_separate_land_supply', { basis: `${prefix}企业不得单独供地（§三(二)）` });
  add('no_new_emission_rights', { basis: `${prefix}企业限制新增排污权指标（§三(二)）` });
  add('no_government_rewards', { basis: `${prefix}企业不得享受政府奖励（§三(二)）` });
  return measures;
}

/** Every C and D enterprise of a run with its measures; `records` are the run's year's records (by credit code). */
export function measuresFor(input: {
  results: readonly { creditCode: string; class: EvaluationClass }[];
  records: readonly EnterpriseRecord[];
  settings?: MeasureSettings;
}): EnterpriseMeasures[] {
  const byCode = new Map(input.records.map((record) => [record.creditCode, record]));
  const items: EnterpriseMeasures[] = [];
  for (const result of input.results) {
    if (result.class !== 'C' && result.class !== 'D') continue;
    const record = byCode.get(result.creditCode);
    if (!record) continue;
    items.push({
      creditCode: result.creditCode,
      class: result.class,
      measures: measuresOf(result.class, record, input.settings),
    });
  }
  return items;
}
