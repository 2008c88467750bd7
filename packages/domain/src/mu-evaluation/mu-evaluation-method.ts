import Decimal from 'decimal.js';
import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { isWellFormedIndustryCode } from '../industries/industry-code.ts';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';
import { HEAVY_INDICATORS, INDICATOR_CODES, INDICATOR_LABELS, type IndicatorCode } from './indicators.ts';

/**
 * The eitc's evaluation method for one year (R3.2, issue #4). Every figure of DEFAULT_EVALUATION_METHOD is a default
 * taken from county practice (DOMAIN-FACTS.md §1) because the seed names none; each is configurable, and a run keeps
 * the method it was computed with. Shares and percentiles are fractions (D2): 0.2 is 20 %, 0.05 is 5 points.
 * The original (§三(二) "各平台要制定实施本区域企业综合评价办法") has each platform draw up its own method; POLICY.md
 * and the issue have the eitc configure one method a year, with sets city-wide so the city share is comparable.
 */

/** R3.2 "按照企业的性质分别提出工业企业、服务业企业的评价指标": industrial split by 规上/规下 as all Zhejiang counties do. */
export const EVALUATION_SETS = ['industrial_above', 'industrial_below', 'service'] as const;
export type EvaluationSetKey = (typeof EVALUATION_SETS)[number];
export const EVALUATION_SET_LABELS: Record<EvaluationSetKey, string> = {
  industrial_above: '规上工业企业',
  industrial_below: '规下工业企业',
  service: '服务业企业',
};

/** A service enterprise is in the service set whatever its scale (§三(二)2: "所有企业都纳入综合评价范围"). */
export function evaluationSetOf(record: Pick<EnterpriseRecord, 'kind' | 'scale'>): EvaluationSetKey {
  if (record.kind === 'service') return 'service';
  return record.scale === 'above' ? 'industrial_above' : 'industrial_below';
}

export const BENCHMARK_MODES = ['mean', 'fixed'] as const;
/** mean: the mean of the values present among the set's evaluated (non-T) enterprises that year; fixed: a given figure. */
export type Benchmark = { mode: 'mean' } | { mode: 'fixed'; value: number };

/** capFactor × weight is the most an indicator can score (DOMAIN-FACTS §1.3, 乐清: 1.5 × weight); the floor is 0. */
export type IndicatorRule = { code: IndicatorCode; weight: number; benchmark: Benchmark; capFactor: number };
export type IndicatorSet = { indicators: IndicatorRule[] };

/**
 * What a missing value (null figure, or nothing to divide by) scores:
 * - zero: 0 for that indicator (DOMAIN-FACTS §1.3, 乐清: "a negative or missing value scores 0") — the default;
 * - set_average: the mean score of the set's enterprises that have the value (§1.3, Huangyan's practice for emissions);
 * - exclude_indicator: the indicator is dropped for that enterprise and its other scores are scaled up by
 *   (all weights ÷ weights present), so the total stays on the same scale.
 */
export const MISSING_VALUE_RULES = ['zero', 'set_average', 'exclude_indicator'] as const;
export type MissingValueRule = (typeof MISSING_VALUE_RULES)[number];
export const MISSING_VALUE_RULE_LABELS: Record<MissingValueRule, string> = {
  zero: '缺失指标得 0 分',
  set_average: '缺失指标取本评价组该项平均得分',
  exclude_indicator: '缺失指标不参与计分，其余指标按权重折算',
};

/** Cumulative percentile cuts within a set, as fractions: A to `A`, B to `B`, C to `C`, D the rest. */
export type ClassCuts = { A: number; B: number; C: number };

export type ExclusionSettings = {
  /** Utilities go to class T: the `utility` flag, or an industry code within one of `utilityIndustryCodes`. */
  utilities: boolean;
  utilityIndustryCodes: string[];
  /** Registered less than this many whole years before the evaluation year's end → T. 0 switches it off. */
  minYearsRegistered: number;
  /** Not producing → T (未投产); a flagged zombie (停产僵尸) is evaluated all the same, see exclusions.ts. */
  notProducing: boolean;
};

export type EvaluationMethod = {
  name: string;
  sets: Record<EvaluationSetKey, IndicatorSet>;
  missingValue: MissingValueRule;
  cuts: ClassCuts;
  /** R3.2: the platform D share is pushed to the city-wide D share plus this margin, a fraction in [0.05, 0.10]. */
  dShareMargin: number;
  exclusions: ExclusionSettings;
};

/** R3.2 (§三(二)2 "D类企业占比要高于全市平均水平5-10个百分点"): both ends included. */
export const D_SHARE_BAND = { min: 0.05, max: 0.1 } as const;

const rule = (code: IndicatorCode, weight: number): IndicatorRule => ({
  code,
  weight,
  benchmark: { mode: 'mean' },
  capFactor: 1.5,
});

/**
 * Defaults, each sourced (DOMAIN-FACTS.md section in brackets):
 * - 规上工业: the six provincial indicators [§1.1 浙政发〔2018〕5号] with Huangyan's weights 30/20/20/10/10/10 [§1.3], except
 *   that 全员劳动生产率 takes 20 and 单位能耗增加值 10, so the three indicators R3.2 names weigh the most.
 * - 规下工业: 亩均税收 and 单位电耗税收 [§1.3 Huangyan 规下 50/50], plus 亩均增加值 and 全员劳动生产率 that R3.2 asks to
 *   weigh more: 40/20/20/20.
 * - 服务业: 亩均税收 and 亩均营业收入 [§1.1 Hangzhou] plus 亩均增加值 and 全员劳动生产率 (R3.2): 40/20/20/20.
 * - benchmark: the set's mean [issue #4; §1.3 Huangyan uses the county average]; cap 1.5 × weight, floor 0 [§1.3 乐清].
 * - missing value scores 0 [§1.3 乐清]; cuts A 20 %, B to 60 %, C to 95 %, D the rest [§1.4 淮安 2024].
 * - margin 5 points, the lower end of R3.2's 5–10 [issue #4].
 * - exclusions: utilities (门类 D 电力、热力、燃气及水生产和供应业, which holds 污水处理 4620 and 垃圾焚烧发电 4417, plus
 *   7820 环境卫生管理 for refuse), registered < 2 years, not producing [§1.5; 淮安 T类 §1.4].
 */
export const DEFAULT_EVALUATION_METHOD: EvaluationMethod = {
  name: '亩均效益综合评价办法（默认）',
  sets: {
    industrial_above: {
      indicators: [
        rule('tax_per_mu', 30),
        rule('value_added_per_mu', 20),
        rule('labour_productivity', 20),
        rule('value_added_per_energy', 10),
        rule('value_added_per_emission', 10),
        rule('rd_intensity', 10),
      ],
    },
    industrial_below: {
      indicators: [
        rule('tax_per_mu', 40),
        rule('value_added_per_mu', 20),
        rule('labour_productivity', 20),
        rule('tax_per_electricity', 20),
      ],
    },
    service: {
      indicators: [
        rule('tax_per_mu', 40),
        rule('revenue_per_mu', 20),
        rule('value_added_per_mu', 20),
        rule('labour_productivity', 20),
      ],
    },
  },
  missingValue: 'zero',
  cuts: { A: 0.2, B: 0.6, C: 0.95 },
  dShareMargin: 0.05,
  exclusions: { utilities: true, utilityIndustryCodes: ['D', '7820'], minYearsRegistered: 2, notProducing: true },
};

/** Where each default comes from, for the method editor to show beside the field (默认值及出处). */
export const EVALUATION_METHOD_DEFAULT_SOURCES: Record<string, string> = {
  'sets.industrial_above':
    '默认值：浙政发〔2018〕5号规上工业六项指标；权重参照黄岩区做法 30/20/20/10/10/10，按实施意见加重全员劳动生产率',
  'sets.industrial_below': '默认值：参照黄岩区规下企业亩均税收、单位电耗税收，按实施意见增加亩均增加值、全员劳动生产率',
  'sets.service': '默认值：参照杭州市服务业亩均税收、亩均营业收入，按实施意见增加亩均增加值、全员劳动生产率',
  benchmark: '默认值：本评价组参评企业平均值（黄岩区以全区平均为基准）',
  capFactor: '默认值：单项得分封顶为权重的 1.5 倍，最低 0 分（参照乐清市做法）',
  missingValue: '默认值：缺失或负值得 0 分（参照乐清市做法）',
  cuts: '默认值：A 类前 20%，B 类 20%–60%，C 类 60%–95%，D 类其余（参照淮安市 2024 年做法）',
  dShareMargin: '默认值：高于全市 D 类占比 5 个百分点（实施意见规定高出 5–10 个百分点，取下限）',
  exclusions: '默认值：公用事业企业、注册不满 2 年企业、未投产企业列为不定等级 T 类',
};

const fraction = (label: string) => z.number({ error: `${label}必须是数字` });

const benchmarkSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('mean') }),
    z.object({ mode: z.literal('fixed'), value: z.number({ error: '固定基准值必须是数字' }) }),
  ],
  { error: '基准方式应为 mean（评价组平均值）或 fixed（固定值）' },
);

const indicatorRuleSchema = z.object({
  code: z.enum(INDICATOR_CODES, { error: '指标代码不存在' }),
  weight: z.number({ error: '权重必须是数字' }),
  benchmark: benchmarkSchema.default({ mode: 'mean' }),
  capFactor: z.number({ error: '封顶倍数必须是数字' }).default(1.5),
});

const setSchema = z.object({ indicators: z.array(indicatorRuleSchema, { error: '请提供指标 indicators' }) });

export const evaluationMethodSchema = z
  .object({
    name: wellFormedText('评价办法名称')
      .trim()
      .min(1, { error: '评价办法名称不能为空' })
      .max(100, { error: '评价办法名称不能超过 100 个字' }),
    sets: z.object(
      { industrial_above: setSchema, industrial_below: setSchema, service: setSchema },
      { error: '请提供三个评价组的指标 sets' },
    ),
    missingValue: z
      .enum(MISSING_VALUE_RULES, { error: '缺失值规则应为 zero、set_average 或 exclude_indicator' })
      .default('zero'),
    cuts: z
      .object({ A: fraction('A 类分档线'), B: fraction('B 类分档线'), C: fraction('C 类分档线') })
      .default(DEFAULT_EVALUATION_METHOD.cuts),
    dShareMargin: fraction('D 类占比高出幅度').default(DEFAULT_EVALUATION_METHOD.dShareMargin),
    exclusions: z
      .object({
        utilities: z.boolean({ error: '是否排除公用事业企业应为 true 或 false' }),
        utilityIndustryCodes: z.array(z.string({ error: '公用事业行业代码必须是文字' }).trim()),
        minYearsRegistered: z.number({ error: '注册年限必须是数字' }),
        notProducing: z.boolean({ error: '是否排除未投产企业应为 true 或 false' }),
      })
      .default(DEFAULT_EVALUATION_METHOD.exclusions),
  })
  .superRefine((method, ctx) => {
    for (const message of methodProblems(method)) ctx.addIssue({ code: 'custom', message });
  });

const percent = (value: number) => `${new Decimal(value).times(100).toFixed()}%`;

/** What makes a method unusable or contrary to R3.2, in Chinese; empty when it is fine. */
export function methodProblems(method: EvaluationMethod): string[] {
  const problems: string[] = [];
  for (const set of EVALUATION_SETS) {
    const setLabel = EVALUATION_SET_LABELS[set];
    const indicators = method.sets[set].indicators;
    if (indicators.length === 0) {
      problems.push(`“${setLabel}”至少要有一项评价指标`);
      continue;
    }
    const seen = new Set<IndicatorCode>();
    for (const item of indicators) {
      const label = `“${setLabel}”的“${INDICATOR_LABELS[item.code]}”`;
      if (seen.has(item.code)) problems.push(`${label}重复`);
      seen.add(item.code);
      if (!Number.isFinite(item.weight) || item.weight <= 0) problems.push(`${label}的权重必须大于 0`);
      if (!Number.isFinite(item.capFactor) || item.capFactor <= 0) problems.push(`${label}的封顶倍数必须大于 0`);
      if (item.benchmark.mode === 'fixed' && (!Number.isFinite(item.benchmark.value) || item.benchmark.value <= 0)) {
        problems.push(`${label}的固定基准值必须大于 0`);
      }
    }
    const heavy = indicators.filter((item) => HEAVY_INDICATORS.includes(item.code));
    const others = indicators.filter((item) => !HEAVY_INDICATORS.includes(item.code));
    if (heavy.length === 0) problems.push(`“${setLabel}”应包含亩均税收、亩均增加值或全员劳动生产率`);
    const heaviestOther = others.reduce<IndicatorRule | null>(
      (max, item) => (max === null || item.weight > max.weight ? item : max),
      null,
    );
    for (const item of heavy) {
      if (heaviestOther !== null && item.weight < heaviestOther.weight) {
        problems.push(
          `“${setLabel}”中${INDICATOR_LABELS[item.code]}的权重（${item.weight}）低于${INDICATOR_LABELS[heaviestOther.code]}（${heaviestOther.weight}），亩均税收、亩均增加值、全员劳动生产率的权重应不低于其他指标`,
        );
      }
    }
  }
  const { A, B, C } = method.cuts;
  if (![A, B, C].every(Number.isFinite) || !(A > 0 && A < B && B < C && C <= 1)) {
    problems.push('分档线应满足 0 < A < B < C ≤ 1（以比例表示，如 0.2、0.6、0.95）');
  }
  if (
    !Number.isFinite(method.dShareMargin) ||
    method.dShareMargin < D_SHARE_BAND.min ||
    method.dShareMargin > D_SHARE_BAND.max
  ) {
    problems.push(
      `平台 D 类占比高出全市的幅度应在 ${percent(D_SHARE_BAND.min)}–${percent(D_SHARE_BAND.max)} 之间（5–10 个百分点），实为 ${Number.isFinite(method.dShareMargin) ? percent(method.dShareMargin) : String(method.dShareMargin)}`,
    );
  }
  const { minYearsRegistered, utilityIndustryCodes } = method.exclusions;
  if (!Number.isInteger(minYearsRegistered) || minYearsRegistered < 0 || minYearsRegistered > 10) {
    problems.push('注册年限应为 0–10 的整数（0 表示不按注册年限排除）');
  }
  for (const code of utilityIndustryCodes) {
    if (!isWellFormedIndustryCode(code)) problems.push(`公用事业行业代码“${code}”格式不正确`);
  }
  return problems;
}
