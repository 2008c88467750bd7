import { describe, expect, it } from 'vitest';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';
import { DEFAULT_EVALUATION_METHOD } from './mu-evaluation-method.ts';
import { buildRecord } from '../enterprise-records/record-builder.test-support.ts';
import { compareRuns, evaluateYear } from './run-mu-evaluation.ts';

/**
 * 20 規上 industrial enterprises alike but for their tax: 10 outside the platforms (tax 10, 30 … 190 万元) and 10 in
 * 浙南 (20, 40 … 200), so ranks alternate; plus two class T (a utility in 浙南 paying much tax, a newcomer outside).
 */
function scenario(): EnterpriseRecord[] {
  const records: EnterpriseRecord[] = [];
  for (let i = 0; i < 10; i += 1) {
    records.push(buildRecord({ creditCode: `CITY${i}`, platformKey: null, tax: String(10 * (2 * i + 1)) }));
    records.push(buildRecord({ creditCode: `ZN${i}`, platformKey: 'zhenan', tax: String(20 * (i + 1)) }));
  }
  records.push(buildRecord({ creditCode: 'UTILITY', platformKey: 'zhenan', industryCode: '4411', tax: '1000' }));
  records.push(buildRecord({ creditCode: 'NEWCOMER', platformKey: null, registeredOn: '2024-06-01' }));
  return records;
}

const byCode = (run: ReturnType<typeof evaluateYear>, code: string) => run.results.find((r) => r.creditCode === code)!;

describe('evaluateYear (R3.2 end to end)', () => {
  const run = evaluateYear({ year: 2025, records: scenario() }, DEFAULT_EVALUATION_METHOD);

  it('counts every class, T apart; capped scores tie and share the better class', () => {
    // tax ≥ 157.5 万元 (15.75 万元/亩 = 1.5 × the 10.5 benchmark) hits the cap: 160 … 200 all score 115, rank 1.
    expect(run.counts).toEqual({ A: 5, B: 7, C: 6, D: 2, T: 2 });
    expect(byCode(run, 'ZN7')).toMatchObject({ score: 115, rank: 1, class: 'A' });
    expect(byCode(run, 'CITY7')).toMatchObject({ rank: 6, percentile: 0.3, class: 'B' });
    expect(run.sets.industrial_above).toMatchObject({ evaluated: 20, excluded: 2 });
  });

  it("benchmarks on the evaluated set only (the utility's tax does not count) and explains each indicator", () => {
    const top = byCode(run, 'ZN9');
    expect(run.sets.industrial_above.benchmarks[0]).toEqual({ code: 'tax_per_mu', benchmark: 10.5 });
    expect(top.indicators[0]).toEqual({ code: 'tax_per_mu', value: 20, benchmark: 10.5, score: 45 }); // 20 / 10.5 × 30 capped at 45
    expect(top.indicators[1]).toEqual({ code: 'value_added_per_mu', value: 50, benchmark: 50, score: 20 });
    expect(top).toMatchObject({ class: 'A', rank: 1, percentile: 0.05, score: 115, setSize: 20 });
  });

  it('sets D by the base cuts city-wide, then pushes the platform to city + 5 pp', () => {
    expect(run.cityDShare).toBe(0.05);
    expect(byCode(run, 'CITY0')).toMatchObject({ class: 'D', baseClass: 'D', rank: 20 });
    const pushed = byCode(run, 'ZN0');
    expect(pushed).toMatchObject({ class: 'D', baseClass: 'C', rank: 19 });
    expect(pushed.classRule).toContain('平台 D 类占比须高于全市 5 个百分点（目标 10%）');
    expect(run.platforms).toEqual([
      expect.objectContaining({ platformKey: 'oujiangkou', evaluated: 0, ruleHolds: false }),
      expect.objectContaining({
        platformKey: 'zhenan',
        evaluated: 10,
        baseDShare: 0,
        dShare: 0.1,
        movedToD: 1,
        ruleHolds: true,
      }),
      expect.objectContaining({ platformKey: 'hitech', evaluated: 0, ruleHolds: false }),
    ]);
  });

  it('gives class T a reason and no score, rank or percentile', () => {
    expect(byCode(run, 'UTILITY')).toMatchObject({
      class: 'T',
      score: null,
      rank: null,
      percentile: null,
      excludedReason: expect.stringContaining('公用事业企业'),
    });
    expect(byCode(run, 'NEWCOMER').classRule).toBe(
      '不定等级（T类）：注册于 2024-06-01，至 2025 年末不满 2 年（2023-12-31 及以前注册的参评）',
    );
    expect(byCode(run, 'UTILITY').indicators[0]).toEqual({
      code: 'tax_per_mu',
      value: 100,
      benchmark: 10.5,
      score: null,
    });
  });

  it("keeps the records' order and the method it ran with", () => {
    expect(run.results.map((r) => r.creditCode)).toEqual(scenario().map((r) => r.creditCode));
    expect(run.method).toBe(DEFAULT_EVALUATION_METHOD);
  });
});

describe('compareRuns (simulation before publishing)', () => {
  it('counts the enterprises whose class changes under other cuts', () => {
    const before = evaluateYear({ year: 2025, records: scenario() }, DEFAULT_EVALUATION_METHOD);
    const after = evaluateYear(
      { year: 2025, records: scenario() },
      { ...DEFAULT_EVALUATION_METHOD, cuts: { A: 0.35, B: 0.6, C: 0.95 } },
    );
    const comparison = compareRuns(before, after);
    // ranks 6 and 7 move from B to A
    expect(comparison).toMatchObject({
      compared: 22,
      changed: 2,
      transitions: { 'B→A': 2 },
      onlyBefore: 0,
      onlyAfter: 0,
    });
    expect(comparison.changes.map((c) => c.creditCode).sort()).toEqual(['CITY7', 'ZN6']);
    expect(compareRuns(before, before).changed).toBe(0);
  });

  it('counts enterprises found in one run only', () => {
    const before = evaluateYear({ year: 2025, records: scenario() }, DEFAULT_EVALUATION_METHOD);
    const after = evaluateYear({ year: 2025, records: scenario().slice(2) }, DEFAULT_EVALUATION_METHOD);
    expect(compareRuns(before, after)).toMatchObject({ compared: 20, onlyBefore: 2, onlyAfter: 0 });
  });
});

describe('evaluateYear at scale', () => {
  // Its speed is measured by `npm run bench` (evaluation.bench.ts), not asserted here: a wall-clock limit in a
  // correctness test fails on a loaded machine and says nothing about the rules.
  it('evaluates 100 000 enterprises: every one counted, the D-share rule holds on every platform (R3.2)', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const platforms = [...PLATFORM_KEYS, null, null, null];
    const records: EnterpriseRecord[] = Array.from({ length: 100_000 }, (_, i) => {
      const service = i % 5 === 0;
      const landOwned = random() < 0.2 ? '0' : (1 + random() * 80).toFixed(2);
      return {
        creditCode: `PERF${String(i).padStart(14, '0')}`,
        name: `企业${i}`,
        platformKey: platforms[i % platforms.length]!,
        kind: service ? 'service' : 'industrial',
        scale: i % 3 === 0 ? 'below' : 'above',
        landOwned,
        landLeased: (random() * 10).toFixed(2),
        tax: (random() * 2000).toFixed(2),
        valueAdded: (random() * 8000).toFixed(2),
        revenue: (random() * 30000).toFixed(2),
        rdExpense: (random() * 500).toFixed(2),
        employees: String(Math.floor(random() * 500)),
        energyTce: (random() * 3000).toFixed(1),
        emissionsTons: random() < 0.1 ? null : (random() * 20).toFixed(3),
        electricityKwh: String(Math.floor(random() * 5_000_000)),
        waterTons: String(Math.floor(random() * 50_000)),
        producing: random() > 0.02,
        registeredOn: random() < 0.05 ? '2025-03-01' : '2015-05-20',
        industryCode: random() < 0.01 ? '4411' : '3821',
      };
    });
    const run = evaluateYear({ year: 2025, records }, DEFAULT_EVALUATION_METHOD);
    expect(Object.values(run.counts).reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(run.counts.T).toBeGreaterThan(5000);
    for (const platform of run.platforms) {
      expect(platform.ruleHolds).toBe(true);
      expect(platform.dShare - run.cityDShare).toBeGreaterThanOrEqual(0.05 - 1e-12);
    }
  });
});
