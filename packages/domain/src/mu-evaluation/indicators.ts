import Decimal from 'decimal.js';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';

/**
 * R3.2 indicators of the 亩均 evaluation, defined as in DOMAIN-FACTS.md §1.2 (the Huangyan/Taizhou calculation note,
 * consistent across Zhejiang counties). 单位能耗增加值 and 单位排放增加值 are value added PER UNIT of energy/emissions,
 * so higher is better; their inverses (单位增加值能耗/排放, lower is better) are offered as well for a method that
 * prefers them, and are scored benchmark ÷ value (scoring.ts).
 */
export const INDICATOR_CODES = [
  'tax_per_mu',
  'value_added_per_mu',
  'revenue_per_mu',
  'labour_productivity',
  'tax_per_employee',
  'rd_intensity',
  'value_added_per_energy',
  'value_added_per_emission',
  'tax_per_electricity',
  'energy_per_value_added',
  'emissions_per_value_added',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** higher: value ÷ benchmark × weight; lower: benchmark ÷ value × weight (less energy per 万元 is better). */
export type IndicatorDirection = 'higher' | 'lower';

export type IndicatorDefinition = { label: string; unit: string; direction: IndicatorDirection; formula: string };

export const INDICATORS: Record<IndicatorCode, IndicatorDefinition> = {
  tax_per_mu: {
    label: '亩均税收',
    unit: '万元/亩',
    direction: 'higher',
    formula: '实缴税收 ÷ 用地面积（自有 + 承租）',
  },
  value_added_per_mu: {
    label: '亩均增加值',
    unit: '万元/亩',
    direction: 'higher',
    formula: '增加值 ÷ 用地面积（自有 + 承租）',
  },
  revenue_per_mu: {
    label: '亩均营业收入',
    unit: '万元/亩',
    direction: 'higher',
    formula: '营业收入 ÷ 用地面积（自有 + 承租）',
  },
  labour_productivity: {
    label: '全员劳动生产率',
    unit: '万元/人',
    direction: 'higher',
    formula: '增加值 ÷ 年平均职工人数',
  },
  tax_per_employee: { label: '人均税收', unit: '万元/人', direction: 'higher', formula: '实缴税收 ÷ 年平均职工人数' },
  rd_intensity: {
    label: 'R&D经费支出占营业收入比重',
    unit: '比值',
    direction: 'higher',
    formula: '研发经费支出 ÷ 营业收入',
  },
  value_added_per_energy: {
    label: '单位能耗增加值',
    unit: '万元/吨标煤',
    direction: 'higher',
    formula: '增加值 ÷ 综合能耗',
  },
  value_added_per_emission: {
    label: '单位排放增加值',
    unit: '万元/当量吨',
    direction: 'higher',
    formula: '增加值 ÷ 主要污染物排放量',
  },
  tax_per_electricity: {
    label: '单位电耗税收',
    unit: '元/千瓦时',
    direction: 'higher',
    formula: '实缴税收 × 10000 ÷ 用电量',
  },
  energy_per_value_added: {
    label: '单位增加值能耗',
    unit: '吨标煤/万元',
    direction: 'lower',
    formula: '综合能耗 ÷ 增加值',
  },
  emissions_per_value_added: {
    label: '单位增加值排放',
    unit: '当量吨/万元',
    direction: 'lower',
    formula: '主要污染物排放量 ÷ 增加值',
  },
};

export const INDICATOR_LABELS: Record<IndicatorCode, string> = Object.fromEntries(
  INDICATOR_CODES.map((code) => [code, INDICATORS[code].label]),
) as Record<IndicatorCode, string>;

/** R3.2 (§三(二)2 "加大亩均税收、亩均增加值、全员劳动生产率等指标比重"): the indicators that must weigh the most. */
export const HEAVY_INDICATORS: readonly IndicatorCode[] = ['tax_per_mu', 'value_added_per_mu', 'labour_productivity'];

/** A record's figures as plain numbers for scoring and ranking; null where missing. */
export type RecordFigures = {
  land: number | null;
  tax: number | null;
  valueAdded: number | null;
  revenue: number | null;
  rdExpense: number | null;
  employees: number | null;
  energyTce: number | null;
  emissionsTons: number | null;
  electricityKwh: number | null;
};

const num = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * Land used (亩) = land owned + land leased: a tenant (承租企业) has only leased land and is measured on it like an
 * owner (§三(二)2 "包括自有工业用地企业和承租企业"). One of the two missing counts as none of that kind; both missing
 * is missing land.
 */
export function landMu(record: Pick<EnterpriseRecord, 'landOwned' | 'landLeased'>): Decimal | null {
  if (record.landOwned === null && record.landLeased === null) return null;
  return new Decimal(record.landOwned ?? 0).plus(record.landLeased ?? 0);
}

export function recordFigures(record: EnterpriseRecord): RecordFigures {
  const owned = num(record.landOwned);
  const leased = num(record.landLeased);
  return {
    land: owned === null && leased === null ? null : (owned ?? 0) + (leased ?? 0),
    tax: num(record.tax),
    valueAdded: num(record.valueAdded),
    revenue: num(record.revenue),
    rdExpense: num(record.rdExpense),
    employees: num(record.employees),
    energyTce: num(record.energyTce),
    emissionsTons: num(record.emissionsTons),
    electricityKwh: num(record.electricityKwh),
  };
}

/**
 * numerator ÷ denominator, or null (missing) when either is missing or the denominator is 0: land 0, employees 0,
 * revenue 0, energy 0 … leave nothing to measure the figure against, so the method's missing-value rule decides
 * (a value of 0 over a positive denominator is a real 0, not missing).
 */
function ratio(numerator: number | null, denominator: number | null, factor = 1): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator * factor) / denominator;
}

/**
 * One indicator's value for one record, in plain floating point: good to ~15 significant digits, which is all that
 * ranking and display need. Bars that decide an enterprise's fate by a figure (R3.4) use exact decimals instead.
 */
export function indicatorValue(code: IndicatorCode, f: RecordFigures): number | null {
  switch (code) {
    case 'tax_per_mu':
      return ratio(f.tax, f.land);
    case 'value_added_per_mu':
      return ratio(f.valueAdded, f.land);
    case 'revenue_per_mu':
      return ratio(f.revenue, f.land);
    case 'labour_productivity':
      return ratio(f.valueAdded, f.employees);
    case 'tax_per_employee':
      return ratio(f.tax, f.employees);
    case 'rd_intensity':
      return ratio(f.rdExpense, f.revenue);
    case 'value_added_per_energy':
      return ratio(f.valueAdded, f.energyTce);
    case 'value_added_per_emission':
      return ratio(f.valueAdded, f.emissionsTons);
    case 'tax_per_electricity':
      // 万元 × 10000 = 元, over kWh.
      return ratio(f.tax, f.electricityKwh, 10_000);
    case 'energy_per_value_added':
      return ratio(f.energyTce, f.valueAdded);
    case 'emissions_per_value_added':
      return ratio(f.emissionsTons, f.valueAdded);
  }
}

/** 亩均税收 exactly (D1), for R3.4's bars and their display; null when tax or land is missing or land is 0. */
export function taxPerMuExact(record: EnterpriseRecord): Decimal | null {
  const land = landMu(record);
  if (land === null || land.isZero() || record.tax === null) return null;
  return new Decimal(record.tax).dividedBy(land);
}
