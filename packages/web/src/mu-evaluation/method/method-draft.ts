import {
  EVALUATION_SET_LABELS,
  EVALUATION_SETS,
  evaluationMethodSchema,
  INDICATOR_LABELS,
  measureSettingsSchema,
  methodProblems,
  rectificationSettingsSchema,
  type EvaluationMethod,
  type EvaluationSetKey,
  type IndicatorCode,
  type MeasureSettings,
  type MissingValueRule,
  type RectificationSettings,
} from '@pgs/domain';
import type { MethodView } from '../mu-evaluation.api.ts';
import { toFraction, toPercentNumber } from '../../enterprises/components/enterprise-format.ts';

/**
 * The method editor's working copy. Shares the API takes as fractions (D2) are held here as the percentages the
 * inputs show (cuts 20 / 60 / 95, margin 5 points, growth 10 %) and converted back on save and simulate; a cleared
 * number is null and stops the save.
 */
export type RuleRow = {
  key: number;
  code: IndicatorCode;
  weight: number | null;
  benchmarkMode: 'mean' | 'fixed';
  benchmarkValue: number | null;
  capFactor: number | null;
};

export type MethodDraft = {
  name: string;
  sets: Record<EvaluationSetKey, RuleRow[]>;
  missingValue: MissingValueRule;
  cutsPercent: { A: number | null; B: number | null; C: number | null };
  marginPoints: number | null;
  exclusions: {
    utilities: boolean;
    utilityIndustryCodes: string[];
    minYearsRegistered: number | null;
    notProducing: boolean;
  };
  measures: MeasureSettings;
  supportGrowthPercent: number | null;
  taxReviewBasis: RectificationSettings['taxReviewBasis'];
};

export function draftOf(
  view: Pick<MethodView, 'method' | 'measures' | 'rectification'>,
  nextKey: () => number,
): MethodDraft {
  const { method, measures, rectification } = view;
  const sets = Object.fromEntries(
    EVALUATION_SETS.map((set) => [
      set,
      method.sets[set].indicators.map((rule) => ({
        key: nextKey(),
        code: rule.code,
        weight: rule.weight,
        benchmarkMode: rule.benchmark.mode,
        benchmarkValue: rule.benchmark.mode === 'fixed' ? rule.benchmark.value : null,
        capFactor: rule.capFactor,
      })),
    ]),
  ) as Record<EvaluationSetKey, RuleRow[]>;
  return {
    name: method.name,
    sets,
    missingValue: method.missingValue,
    cutsPercent: {
      A: toPercentNumber(method.cuts.A),
      B: toPercentNumber(method.cuts.B),
      C: toPercentNumber(method.cuts.C),
    },
    marginPoints: toPercentNumber(method.dShareMargin),
    exclusions: { ...method.exclusions, utilityIndustryCodes: [...method.exclusions.utilityIndustryCodes] },
    measures: structuredClone(measures),
    supportGrowthPercent: toPercentNumber(rectification.supportRevenueGrowth),
    taxReviewBasis: rectification.taxReviewBasis,
  };
}

const orNaN = (value: number | null) => (value === null ? Number.NaN : value);
const fractionOf = (percent: number | null) => (percent === null ? Number.NaN : toFraction(percent));

/** The method as the API takes it: fractions for the cuts and the margin. */
export function methodOf(draft: MethodDraft): EvaluationMethod {
  const sets = Object.fromEntries(
    EVALUATION_SETS.map((set) => [
      set,
      {
        indicators: draft.sets[set].map((row) => ({
          code: row.code,
          weight: orNaN(row.weight),
          benchmark:
            row.benchmarkMode === 'fixed'
              ? { mode: 'fixed' as const, value: orNaN(row.benchmarkValue) }
              : { mode: 'mean' as const },
          capFactor: orNaN(row.capFactor),
        })),
      },
    ]),
  ) as EvaluationMethod['sets'];
  return {
    name: draft.name,
    sets,
    missingValue: draft.missingValue,
    cuts: {
      A: fractionOf(draft.cutsPercent.A),
      B: fractionOf(draft.cutsPercent.B),
      C: fractionOf(draft.cutsPercent.C),
    },
    dShareMargin: fractionOf(draft.marginPoints),
    exclusions: { ...draft.exclusions, minYearsRegistered: orNaN(draft.exclusions.minYearsRegistered) },
  };
}

export function rectificationOf(draft: MethodDraft): RectificationSettings {
  return { supportRevenueGrowth: fractionOf(draft.supportGrowthPercent), taxReviewBasis: draft.taxReviewBasis };
}

/**
 * Everything that stops a save, in Chinese: empty inputs, then the domain's own checks (methodProblems: R3.2's
 * heavy indicators, cuts, the 5–10 point margin …) and the API schemas of the measures and rectification settings.
 */
export function draftProblems(draft: MethodDraft): string[] {
  const problems: string[] = [];
  for (const set of EVALUATION_SETS) {
    for (const row of draft.sets[set]) {
      const label = `“${EVALUATION_SET_LABELS[set]}”的“${INDICATOR_LABELS[row.code]}”`;
      if (row.weight === null) problems.push(`请填写${label}的权重`);
      if (row.capFactor === null) problems.push(`请填写${label}的封顶倍数`);
      if (row.benchmarkMode === 'fixed' && row.benchmarkValue === null) problems.push(`请填写${label}的固定基准值`);
    }
  }
  if (draft.cutsPercent.A === null || draft.cutsPercent.B === null || draft.cutsPercent.C === null)
    problems.push('请填写 A、B、C 三条分档线');
  if (draft.marginPoints === null) problems.push('请填写平台 D 类占比高出全市的幅度');
  if (draft.exclusions.minYearsRegistered === null) problems.push('请填写注册年限');
  if (draft.supportGrowthPercent === null) problems.push('请填写帮扶支持的营业收入增长幅度');
  const method = methodOf(draft);
  const parsed = evaluationMethodSchema.safeParse(method);
  if (!parsed.success)
    problems.push(
      ...parsed.error.issues.filter((issue) => !issue.message.includes('必须是数字')).map((issue) => issue.message),
    );
  problems.push(...methodProblems(method));
  const measures = measureSettingsSchema.safeParse(draft.measures);
  if (!measures.success) problems.push(...measures.error.issues.map((issue) => issue.message));
  if (draft.supportGrowthPercent !== null) {
    const rectification = rectificationSettingsSchema.safeParse(rectificationOf(draft));
    if (!rectification.success)
      problems.push(
        ...rectification.error.issues.map((issue) =>
          issue.message.replace('（0.1 即 10%），不能超过 10', '，不能超过 1000%'),
        ),
      );
  }
  return [...new Set(problems)];
}

/** The problems that belong to one set (their text names the set), for the tab's badge. */
export function setProblemCount(problems: readonly string[], set: EvaluationSetKey): number {
  return problems.filter((problem) => problem.includes(`“${EVALUATION_SET_LABELS[set]}”`)).length;
}
