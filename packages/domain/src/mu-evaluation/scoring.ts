import type { Benchmark, IndicatorRule, MissingValueRule } from './mu-evaluation-method.ts';
import { INDICATORS, type IndicatorCode } from './indicators.ts';

/**
 * R3.2 scoring within one evaluation set, the ratio-to-benchmark weighted sum of DOMAIN-FACTS §1.3:
 *   higher is better: score = min(cap, max(0, value ÷ benchmark × weight))
 *   lower is better:  score = min(cap, max(0, benchmark ÷ value × weight))      (value 0 is the best possible: cap)
 * with cap = capFactor × weight (default 1.5 ×) and floor 0; total = Σ scores. A benchmark of 0 (every value 0)
 * measures nothing, so a higher-is-better indicator then scores 0 for all. Scores are rounded to 1e-6 so that equal
 * figures reached by different float paths tie exactly; ties matter for classes (classes.ts).
 */
export type IndicatorScore = {
  code: IndicatorCode;
  value: number | null;
  benchmark: number | null;
  score: number | null;
};

export type SetScores = {
  /** One per rule, null when no enterprise of the set has the value and the benchmark is the mean. */
  benchmarks: (number | null)[];
  /** Per enterprise, per rule. A missing value's score follows the missing-value rule (null: excluded). */
  indicators: IndicatorScore[][];
  totals: number[];
};

export const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

export function indicatorScore(
  value: number,
  benchmark: number,
  rule: Pick<IndicatorRule, 'code' | 'weight' | 'capFactor'>,
): number {
  const cap = rule.capFactor * rule.weight;
  let raw: number;
  if (INDICATORS[rule.code].direction === 'lower') {
    raw = value === 0 ? cap : (benchmark / value) * rule.weight;
  } else {
    raw = benchmark > 0 ? (value / benchmark) * rule.weight : 0;
  }
  return round6(Math.min(cap, Math.max(0, raw)));
}

/** The benchmark of one indicator: the mean of the values present (missing ones do not count), or the fixed figure. */
export function benchmarkOf(values: readonly (number | null)[], benchmark: Benchmark): number | null {
  if (benchmark.mode === 'fixed') return benchmark.value;
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Scores every enterprise of one set. `values[e][k]` is enterprise e's value of `rules[k]` (null: missing); the
 * benchmark comes from the same enterprises, so pass only the evaluated ones (not class T).
 */
export function scoreSet(
  rules: readonly IndicatorRule[],
  values: readonly (readonly (number | null)[])[],
  missing: MissingValueRule,
): SetScores {
  const benchmarks = rules.map((rule, k) =>
    benchmarkOf(
      values.map((row) => row[k] ?? null),
      rule.benchmark,
    ),
  );
  const indicators: IndicatorScore[][] = values.map((row) =>
    rules.map((rule, k) => {
      const value = row[k] ?? null;
      const benchmark = benchmarks[k] ?? null;
      const score = value === null || benchmark === null ? null : indicatorScore(value, benchmark, rule);
      return { code: rule.code, value, benchmark, score };
    }),
  );
  const averages = rules.map((_, k) => {
    let sum = 0;
    let count = 0;
    for (const row of indicators) {
      const score = row[k]?.score;
      if (score === null || score === undefined) continue;
      sum += score;
      count += 1;
    }
    return count === 0 ? 0 : round6(sum / count);
  });
  const totalWeight = rules.reduce((sum, rule) => sum + rule.weight, 0);
  const totals = indicators.map((row) => {
    let total = 0;
    let presentWeight = 0;
    row.forEach((item, k) => {
      if (item.score === null && missing !== 'exclude_indicator')
        item.score = missing === 'zero' ? 0 : (averages[k] ?? 0);
      if (item.score === null) return;
      total += item.score;
      presentWeight += rules[k]?.weight ?? 0;
    });
    if (missing !== 'exclude_indicator') return round6(total);
    return presentWeight === 0 ? 0 : round6((total * totalWeight) / presentWeight);
  });
  return { benchmarks, indicators, totals };
}
