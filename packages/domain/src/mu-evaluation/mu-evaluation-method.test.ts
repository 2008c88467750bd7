import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVALUATION_METHOD,
  EVALUATION_METHOD_DEFAULT_SOURCES,
  EVALUATION_SETS,
  evaluationMethodSchema,
  evaluationSetOf,
  methodProblems,
  type EvaluationMethod,
} from './mu-evaluation-method.ts';
import { HEAVY_INDICATORS } from './indicators.ts';

const withChange = (change: (method: EvaluationMethod) => void): EvaluationMethod => {
  const method = structuredClone(DEFAULT_EVALUATION_METHOD);
  change(method);
  return method;
};

describe('R3.2 default method (DOMAIN-FACTS §1)', () => {
  it('has no problems and names a source for its defaults', () => {
    expect(methodProblems(DEFAULT_EVALUATION_METHOD)).toEqual([]);
    expect(Object.values(EVALUATION_METHOD_DEFAULT_SOURCES).every((text) => text.startsWith('默认值'))).toBe(true);
  });

  it('weights 亩均税收, 亩均增加值 and 全员劳动生产率 at least as heavily as any other indicator of each set', () => {
    for (const set of EVALUATION_SETS) {
      const indicators = DEFAULT_EVALUATION_METHOD.sets[set].indicators;
      const heavy = indicators.filter((i) => HEAVY_INDICATORS.includes(i.code)).map((i) => i.weight);
      const others = indicators.filter((i) => !HEAVY_INDICATORS.includes(i.code)).map((i) => i.weight);
      expect(Math.min(...heavy)).toBeGreaterThanOrEqual(Math.max(...others));
      expect(indicators.reduce((sum, i) => sum + i.weight, 0)).toBe(100);
    }
  });

  it('uses the six provincial indicators for 规上工业, the set mean as benchmark and a cap of 1.5 × weight', () => {
    expect(DEFAULT_EVALUATION_METHOD.sets.industrial_above.indicators.map((i) => i.code).sort()).toEqual([
      'labour_productivity',
      'rd_intensity',
      'tax_per_mu',
      'value_added_per_emission',
      'value_added_per_energy',
      'value_added_per_mu',
    ]);
    for (const set of EVALUATION_SETS) {
      for (const item of DEFAULT_EVALUATION_METHOD.sets[set].indicators)
        expect(item).toMatchObject({ benchmark: { mode: 'mean' }, capFactor: 1.5 });
    }
    expect(DEFAULT_EVALUATION_METHOD).toMatchObject({
      missingValue: 'zero',
      cuts: { A: 0.2, B: 0.6, C: 0.95 },
      dShareMargin: 0.05,
    });
  });

  it('puts service enterprises of any scale in the service set', () => {
    expect(evaluationSetOf({ kind: 'industrial', scale: 'above' })).toBe('industrial_above');
    expect(evaluationSetOf({ kind: 'industrial', scale: 'below' })).toBe('industrial_below');
    expect(evaluationSetOf({ kind: 'service', scale: 'above' })).toBe('service');
    expect(evaluationSetOf({ kind: 'service', scale: 'below' })).toBe('service');
  });
});

describe('methodProblems', () => {
  it.each([
    [0.05, true],
    [0.1, true],
    [0.075, true],
    [0.0499, false],
    [0.1001, false],
  ])('D-share margin %d accepted: %s', (margin, ok) => {
    expect(
      methodProblems(
        withChange((m) => {
          m.dShareMargin = margin;
        }),
      ).length === 0,
    ).toBe(ok);
  });

  it.each([
    [{ A: 0.2, B: 0.6, C: 1 }, true],
    [{ A: 0.25, B: 0.7, C: 0.95 }, true],
    [{ A: 0, B: 0.6, C: 0.95 }, false],
    [{ A: 0.6, B: 0.6, C: 0.95 }, false],
    [{ A: 0.2, B: 0.96, C: 0.95 }, false],
    [{ A: 0.2, B: 0.6, C: 1.01 }, false],
  ])('cuts %j accepted: %s', (cuts, ok) => {
    expect(
      methodProblems(
        withChange((m) => {
          m.cuts = cuts;
        }),
      ).length === 0,
    ).toBe(ok);
  });

  it('names each problem in Chinese', () => {
    const method = withChange((m) => {
      m.sets.service.indicators = [];
      m.sets.industrial_below.indicators[0]!.weight = 0;
      m.sets.industrial_above.indicators.push({
        code: 'tax_per_mu',
        weight: 5,
        benchmark: { mode: 'fixed', value: 0 },
        capFactor: 1.5,
      });
      m.exclusions.minYearsRegistered = 1.5;
      m.exclusions.utilityIndustryCodes = ['D', 'X1'];
    });
    expect(methodProblems(method)).toEqual([
      '“规上工业企业”的“亩均税收”重复',
      '“规上工业企业”的“亩均税收”的固定基准值必须大于 0',
      '“规上工业企业”中亩均税收的权重（5）低于单位能耗增加值（10），亩均税收、亩均增加值、全员劳动生产率的权重应不低于其他指标',
      '“规下工业企业”的“亩均税收”的权重必须大于 0',
      '“规下工业企业”中亩均税收的权重（0）低于单位电耗税收（20），亩均税收、亩均增加值、全员劳动生产率的权重应不低于其他指标',
      '“服务业企业”至少要有一项评价指标',
      '注册年限应为 0–10 的整数（0 表示不按注册年限排除）',
      '公用事业行业代码“X1”格式不正确',
    ]);
  });

  it('asks for at least one of the three heavy indicators in a set', () => {
    const method = withChange((m) => {
      m.sets.service.indicators = [
        { code: 'revenue_per_mu', weight: 100, benchmark: { mode: 'mean' }, capFactor: 1.5 },
      ];
    });
    expect(methodProblems(method)).toEqual(['“服务业企业”应包含亩均税收、亩均增加值或全员劳动生产率']);
  });
});

describe('evaluationMethodSchema', () => {
  it('fills defaults for what is left out', () => {
    const parsed = evaluationMethodSchema.parse({
      name: '2025 年度办法',
      sets: {
        industrial_above: {
          indicators: [
            { code: 'tax_per_mu', weight: 50 },
            { code: 'value_added_per_mu', weight: 50 },
          ],
        },
        industrial_below: {
          indicators: [{ code: 'tax_per_mu', weight: 100, benchmark: { mode: 'fixed', value: 11.5932 } }],
        },
        service: {
          indicators: [
            { code: 'tax_per_mu', weight: 60 },
            { code: 'revenue_per_mu', weight: 40 },
          ],
        },
      },
    });
    expect(parsed.sets.industrial_above.indicators[0]).toEqual({
      code: 'tax_per_mu',
      weight: 50,
      benchmark: { mode: 'mean' },
      capFactor: 1.5,
    });
    expect(parsed).toMatchObject({
      missingValue: 'zero',
      cuts: { A: 0.2, B: 0.6, C: 0.95 },
      dShareMargin: 0.05,
      exclusions: { minYearsRegistered: 2 },
    });
  });

  it('refuses what methodProblems finds, and unknown codes', () => {
    const result = evaluationMethodSchema.safeParse({ ...DEFAULT_EVALUATION_METHOD, dShareMargin: 0.2 });
    expect(result.error?.issues.map((i) => i.message)).toEqual([expect.stringContaining('5–10 个百分点')]);
    const unknown = structuredClone(DEFAULT_EVALUATION_METHOD) as unknown as {
      sets: { service: { indicators: { code: string }[] } };
    };
    unknown.sets.service.indicators[0]!.code = 'profit';
    expect(evaluationMethodSchema.safeParse(unknown).error?.issues.map((i) => i.message)).toEqual(['指标代码不存在']);
  });
});
