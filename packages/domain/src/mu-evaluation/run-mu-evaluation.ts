import type { PlatformKey } from '../platform/platforms.ts';
import {
  baseClassRuleFormatter,
  EVALUATION_CLASSES,
  pushDShares,
  pushedClassRule,
  rankSet,
  type EvaluationClass,
  type PlatformDShare,
  type PushEntry,
  type SetRanking,
} from './classes.ts';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';
import {
  EVALUATION_SET_LABELS,
  EVALUATION_SETS,
  evaluationSetOf,
  type EvaluationMethod,
  type EvaluationSetKey,
} from './mu-evaluation-method.ts';
import { exclusionsOf } from './exclusions.ts';
import { indicatorValue, recordFigures, type IndicatorCode } from './indicators.ts';
import { scoreSet, type IndicatorScore } from './scoring.ts';

/**
 * R3.2 yearly run: exclusions (T) → indicator values → scores within each set → percentile classes within each set
 * → the platforms' D-share push. Pure and synchronous: reading records and writing results is the service's job.
 * Ranking uses plain floating point (rounded to 1e-6, scoring.ts); only bars that decide by a figure are exact.
 */
export type EnterpriseResult = {
  creditCode: string;
  name: string;
  platformKey: PlatformKey | null;
  set: EvaluationSetKey;
  class: EvaluationClass;
  /** The class under the base cuts, before the D-share push (equal to `class` unless pushed). */
  baseClass: EvaluationClass;
  /** null for class T. */
  score: number | null;
  rank: number | null;
  percentile: number | null;
  /** How many enterprises of the set were evaluated (the n of rank and percentile). */
  setSize: number;
  indicators: IndicatorScore[];
  classRule: string;
  excludedReason?: string;
};

export type SetSummary = {
  evaluated: number;
  excluded: number;
  benchmarks: { code: IndicatorCode; benchmark: number | null }[];
};

export type EvaluationRun = {
  year: number;
  method: EvaluationMethod;
  results: EnterpriseResult[];
  cityDShare: number;
  platforms: PlatformDShare[];
  counts: Record<EvaluationClass, number>;
  sets: Record<EvaluationSetKey, SetSummary>;
};

export function evaluateYear(
  input: { year: number; records: readonly EnterpriseRecord[] },
  method: EvaluationMethod,
): EvaluationRun {
  const { year, records } = input;
  const setOf = records.map(evaluationSetOf);
  const excluded = records.map((record) => exclusionsOf(record, year, method.exclusions));
  const values = records.map((record, i) => {
    const figures = recordFigures(record);
    return method.sets[setOf[i]!].indicators.map((rule) => indicatorValue(rule.code, figures));
  });

  const results: EnterpriseResult[] = new Array<EnterpriseResult>(records.length);
  const rankings: (SetRanking | null)[] = new Array<SetRanking | null>(records.length).fill(null);
  const sets = {} as Record<EvaluationSetKey, SetSummary>;
  for (const set of EVALUATION_SETS) {
    const rules = method.sets[set].indicators;
    const members: number[] = [];
    const left: number[] = [];
    setOf.forEach((s, i) => {
      if (s === set) (excluded[i]!.length === 0 ? members : left).push(i);
    });
    const scored = scoreSet(
      rules,
      members.map((i) => values[i]!),
      method.missingValue,
    );
    const ranked = rankSet(scored.totals, method.cuts);
    const classRule = baseClassRuleFormatter(members.length, EVALUATION_SET_LABELS[set], method.cuts);
    sets[set] = {
      evaluated: members.length,
      excluded: left.length,
      benchmarks: rules.map((rule, k) => ({ code: rule.code, benchmark: scored.benchmarks[k] ?? null })),
    };
    members.forEach((i, m) => {
      const ranking = ranked[m]!;
      rankings[i] = ranking;
      const record = records[i]!;
      results[i] = {
        creditCode: record.creditCode,
        name: record.name,
        platformKey: record.platformKey,
        set,
        class: ranking.class,
        baseClass: ranking.class,
        score: scored.totals[m]!,
        rank: ranking.rank,
        percentile: ranking.percentile,
        setSize: members.length,
        indicators: scored.indicators[m]!,
        classRule: classRule(ranking),
      };
    });
    for (const i of left) {
      const reason = excluded[i]!.map((exclusion) => exclusion.reason).join('；');
      const record = records[i]!;
      results[i] = {
        creditCode: record.creditCode,
        name: record.name,
        platformKey: record.platformKey,
        set,
        class: 'T',
        baseClass: 'T',
        score: null,
        rank: null,
        percentile: null,
        setSize: members.length,
        indicators: rules.map((rule, k) => ({
          code: rule.code,
          value: values[i]![k] ?? null,
          benchmark: scored.benchmarks[k] ?? null,
          score: null,
        })),
        classRule: `不定等级（T类）：${reason}`,
        excludedReason: reason,
      };
    }
  }

  const evaluatedIndices: number[] = [];
  const entries: PushEntry[] = [];
  results.forEach((result, i) => {
    const ranking = rankings[i];
    if (!ranking) return;
    evaluatedIndices.push(i);
    entries.push({
      platformKey: result.platformKey,
      set: result.set,
      rank: ranking.rank,
      percentile: ranking.percentile,
      class: ranking.class,
    });
  });
  const push = pushDShares(entries, method.dShareMargin);
  for (const e of push.pushed) {
    const result = results[evaluatedIndices[e]!]!;
    const platform = push.platforms.find((p) => p.platformKey === result.platformKey)!;
    result.class = 'D';
    result.classRule = pushedClassRule(result.classRule, platform, method.dShareMargin);
  }

  const counts = Object.fromEntries(EVALUATION_CLASSES.map((c) => [c, 0])) as Record<EvaluationClass, number>;
  for (const result of results) counts[result.class] += 1;
  return { year, method, results, cityDShare: push.cityDShare, platforms: push.platforms, counts, sets };
}

export type ClassChange = {
  creditCode: string;
  name: string;
  platformKey: PlatformKey | null;
  from: EvaluationClass;
  to: EvaluationClass;
};

export type RunComparison = {
  /** Enterprises in both runs. */
  compared: number;
  changed: number;
  /** 'C→D': how many moved that way. */
  transitions: Record<string, number>;
  changes: ClassChange[];
  onlyBefore: number;
  onlyAfter: number;
};

/** The method editor's simulation (issue #4): how many enterprises change class between two runs, matched by credit code. */
export function compareRuns(
  before: Pick<EvaluationRun, 'results'>,
  after: Pick<EvaluationRun, 'results'>,
): RunComparison {
  const previous = new Map(before.results.map((result) => [result.creditCode, result]));
  const changes: ClassChange[] = [];
  const transitions: Record<string, number> = {};
  let compared = 0;
  for (const result of after.results) {
    const old = previous.get(result.creditCode);
    if (!old) continue;
    compared += 1;
    if (old.class === result.class) continue;
    const key = `${old.class}→${result.class}`;
    transitions[key] = (transitions[key] ?? 0) + 1;
    changes.push({
      creditCode: result.creditCode,
      name: result.name,
      platformKey: result.platformKey,
      from: old.class,
      to: result.class,
    });
  }
  return {
    compared,
    changed: changes.length,
    transitions,
    changes,
    onlyBefore: before.results.length - compared,
    onlyAfter: after.results.length - compared,
  };
}
