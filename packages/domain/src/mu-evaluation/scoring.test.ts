import { describe, expect, it } from 'vitest';
import type { IndicatorRule } from './mu-evaluation-method.ts';
import { benchmarkOf, indicatorScore, scoreSet } from './scoring.ts';

const rule = (code: IndicatorRule['code'], weight: number, extra: Partial<IndicatorRule> = {}): IndicatorRule => ({
  code,
  weight,
  benchmark: { mode: 'mean' },
  capFactor: 1.5,
  ...extra,
});

describe('R3.2 indicator score = min(cap, max(0, value ÷ benchmark × weight)) (DOMAIN-FACTS §1.3)', () => {
  const tax = rule('tax_per_mu', 30);

  it.each([
    [0, 0],
    [10, 15],
    [20, 30],
    [24, 36],
    [30, 45], // exactly 1.5 × benchmark: exactly the cap
    [31, 45], // above: capped
    [100, 45],
  ])('value %d over benchmark 20, weight 30 → %d', (value, score) => {
    expect(indicatorScore(value, 20, tax)).toBe(score);
  });

  it('floors at 0 (a negative value never reaches scoring, but the floor holds)', () => {
    expect(indicatorScore(-5, 20, tax)).toBe(0);
  });

  it('caps at capFactor × weight', () => {
    expect(indicatorScore(100, 20, rule('tax_per_mu', 30, { capFactor: 2 }))).toBe(60);
    expect(indicatorScore(100, 20, rule('tax_per_mu', 30, { capFactor: 1 }))).toBe(30);
  });

  it('scores 0 when the benchmark is 0 (every value of the set is 0)', () => {
    expect(indicatorScore(0, 0, tax)).toBe(0);
  });

  it('scores lower-is-better indicators benchmark ÷ value, the best (0) at the cap', () => {
    const energy = rule('energy_per_value_added', 10);
    expect(indicatorScore(1, 2, energy)).toBe(15); // 2 × weight, capped at 1.5 ×
    expect(indicatorScore(2, 2, energy)).toBe(10);
    expect(indicatorScore(4, 2, energy)).toBe(5);
    expect(indicatorScore(0, 2, energy)).toBe(15);
  });

  it('rounds to 1e-6 so equal figures tie exactly', () => {
    expect(indicatorScore(1, 3, rule('tax_per_mu', 10))).toBe(3.333333);
    expect(indicatorScore(0.1 + 0.2, 0.3, rule('tax_per_mu', 10))).toBe(
      indicatorScore(0.3, 0.3, rule('tax_per_mu', 10)),
    );
  });
});

describe('benchmarks', () => {
  it('is the mean of the values present, or the fixed figure', () => {
    expect(benchmarkOf([10, null, 20, 30], { mode: 'mean' })).toBe(20);
    expect(benchmarkOf([null, null], { mode: 'mean' })).toBeNull();
    expect(benchmarkOf([10, 20], { mode: 'fixed', value: 24.097 })).toBe(24.097);
  });
});

describe('scoreSet and the missing-value rule', () => {
  const rules = [rule('tax_per_mu', 60), rule('labour_productivity', 40)];
  // benchmarks: tax (10 + 30) / 2 = 20 (the missing one does not count); labour (5 + 5 + 5) / 3 = 5
  const values = [
    [10, 5],
    [30, 5],
    [null, 5],
  ];

  it('zero (default): a missing value scores 0', () => {
    const scored = scoreSet(rules, values, 'zero');
    expect(scored.benchmarks).toEqual([20, 5]);
    expect(scored.indicators[0]).toEqual([
      { code: 'tax_per_mu', value: 10, benchmark: 20, score: 30 },
      { code: 'labour_productivity', value: 5, benchmark: 5, score: 40 },
    ]);
    expect(scored.indicators[2]?.[0]).toEqual({ code: 'tax_per_mu', value: null, benchmark: 20, score: 0 });
    expect(scored.totals).toEqual([70, 130, 40]); // 30 + 40; min(90, 90) + 40; 0 + 40
  });

  it('set_average: a missing value scores the mean score of those that have it', () => {
    const scored = scoreSet(rules, values, 'set_average');
    expect(scored.indicators[2]?.[0]?.score).toBe(60); // (30 + 90) / 2
    expect(scored.totals[2]).toBe(100);
  });

  it('exclude_indicator: the missing indicator is dropped and the rest scaled to all weights', () => {
    const scored = scoreSet(rules, values, 'exclude_indicator');
    expect(scored.indicators[2]?.[0]?.score).toBeNull();
    expect(scored.totals[2]).toBe(100); // 40 × 100 / 40
    expect(scored.totals[0]).toBe(70);
  });

  it('scores an empty set to nothing', () => {
    expect(scoreSet(rules, [], 'zero')).toEqual({ benchmarks: [null, null], indicators: [], totals: [] });
  });
});
