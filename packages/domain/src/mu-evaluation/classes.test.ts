import { describe, expect, it } from 'vitest';
import type { PlatformKey } from '../platform/platforms.ts';
import { baseClassRule, pushDShares, rankSet, type PushEntry, type RankedClass } from './classes.ts';
import type { EvaluationSetKey } from './mu-evaluation-method.ts';

const CUTS = { A: 0.2, B: 0.6, C: 0.95 };
const classes = (scores: number[], cuts = CUTS) =>
  rankSet(scores, cuts)
    .map((r) => r.class)
    .join('');

describe('R3.2 percentile classes within a set (default A 20 %, B to 60 %, C to 95 %, D the rest)', () => {
  it('cuts 10 distinct scores 2 A, 4 B, 3 C, 1 D', () => {
    expect(classes([100, 90, 80, 70, 60, 50, 40, 30, 20, 10])).toBe('AABBBBCCCD');
    expect(rankSet([100, 90, 80, 70, 60, 50, 40, 30, 20, 10], CUTS).map((r) => r.percentile)).toEqual([
      0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
  });

  it('does not depend on the order of the input', () => {
    expect(classes([10, 100, 30, 90, 20, 80, 40, 70, 50, 60])).toBe('DACACBCBBB');
  });

  it('cuts 100 enterprises 20 / 40 / 35 / 5', () => {
    const counts = rankSet(
      Array.from({ length: 100 }, (_, i) => 100 - i),
      CUTS,
    ).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.class]: (acc[r.class] ?? 0) + 1 }), {});
    expect(counts).toEqual({ A: 20, B: 40, C: 35, D: 5 });
  });

  it('gives equal scores the same rank and the better class at every cut (D15)', () => {
    // positions 2 and 3 tie across the A cut (position 3 alone would be B): both are A with rank 2.
    const atA = rankSet([100, 90, 90, 80, 70, 60, 50, 40, 30, 20], CUTS);
    expect(atA.map((r) => r.class).join('')).toBe('AAABBBCCCD');
    expect(atA.map((r) => r.rank)).toEqual([1, 2, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(atA[1]).toEqual({ rank: 2, percentile: 0.2, class: 'A', tied: 1 });
    // the last two tie across the D cut: both C, no D in the set.
    expect(classes([100, 90, 80, 70, 60, 50, 40, 30, 20, 20])).toBe('AABBBBCCCC');
    // all equal: all take rank 1, the class of the best place.
    expect(classes(Array.from({ length: 10 }, () => 5))).toBe('AAAAAAAAAA');
    // with 4 enterprises rank 1 is at 25 %, outside the top 20 %: nobody is A, ties or not.
    expect(classes([5, 5, 5, 5])).toBe('BBBB');
    expect(classes([4, 3, 2, 1])).toBe('BBCD');
  });

  it('ranks a set of one at 100 %: D (documented; the method should merge sets that small)', () => {
    expect(rankSet([42], CUTS)).toEqual([{ rank: 1, percentile: 1, class: 'D', tied: 0 }]);
    expect(rankSet([], CUTS)).toEqual([]);
  });

  it('compares ranks with cuts exactly: 0.57 × 100 is 57, not the float 56.99999999999999', () => {
    const ranked = rankSet(
      Array.from({ length: 100 }, (_, i) => 100 - i),
      { A: 0.2, B: 0.57, C: 0.95 },
    );
    expect(0.57 * 100).toBeLessThan(57);
    expect(ranked[56]).toMatchObject({ rank: 57, class: 'B' });
    expect(ranked[57]).toMatchObject({ rank: 58, class: 'C' });
  });

  it('explains the class in Chinese', () => {
    const ranked = rankSet([100, 90, 90, 80, 70, 60, 50, 40, 30, 20], CUTS);
    expect(baseClassRule(ranked[2]!, 10, '规上工业企业', CUTS)).toBe(
      '在“规上工业企业”10 家参评企业中得分排第 2 名（百分位 20%），与 1 家企业同分，同分企业取其中最好的名次和等级，位于前 20% → A类',
    );
    expect(baseClassRule(ranked[9]!, 10, '规上工业企业', CUTS)).toBe(
      '在“规上工业企业”10 家参评企业中得分排第 10 名（百分位 100%），位于前 95% 以后 → D类',
    );
  });
});

/** n enterprises of one platform (or none), classes given, percentiles worst last. */
function group(
  platformKey: PlatformKey | null,
  classList: string,
  set: EvaluationSetKey = 'industrial_above',
): PushEntry[] {
  const n = classList.length;
  return Array.from(classList).map((cls, i) => ({
    platformKey,
    set,
    rank: i + 1,
    percentile: (i + 1) / n,
    class: cls as RankedClass,
  }));
}
const repeat = (cls: string, n: number) => cls.repeat(n);

describe('R3.2 D-share push: platform share = city share + 5–10 pp', () => {
  // City: 80 enterprises outside the platforms with 8 D, 20 in 瓯江口 with 2 D → 10 D of 100: city share 10 %.
  const city = group(null, repeat('A', 16) + repeat('B', 32) + repeat('C', 24) + repeat('D', 8));
  const platform = group('oujiangkou', repeat('A', 4) + repeat('B', 8) + repeat('C', 6) + repeat('D', 2));
  const entries = [...city, ...platform];

  it('at a 5 pp margin moves the single worst non-D enterprise: 3 of 20 = 15 % = 10 % + 5 pp (included)', () => {
    const push = pushDShares(entries, 0.05);
    expect(push.cityDShare).toBe(0.1);
    const ouj = push.platforms.find((p) => p.platformKey === 'oujiangkou')!;
    expect(ouj).toMatchObject({ evaluated: 20, baseDShare: 0.1, dShare: 0.15, movedToD: 1, ruleHolds: true });
    expect(push.pushed).toEqual([80 + 17]); // the last C of the platform (percentile 0.9)
    expect(ouj.reason).toBe(
      'D 类占比 15%，全市 10%，高出 5 个百分点（按组内百分位由低到高调入 D 类 1 家），在 5–10 个百分点之间，符合要求',
    );
  });

  it('at a 10 pp margin moves two: 4 of 20 = 20 % = 10 % + 10 pp (included)', () => {
    const push = pushDShares(entries, 0.1);
    expect(push.platforms.find((p) => p.platformKey === 'oujiangkou')).toMatchObject({
      dShare: 0.2,
      movedToD: 2,
      ruleHolds: true,
      targetDShare: 0.2,
    });
    expect(push.pushed).toEqual([97, 96]);
  });

  it('takes the smallest number that reaches the target: 7 pp of 20 needs 17 % → 4 D (3.4 rounded up)', () => {
    const push = pushDShares(entries, 0.07);
    expect(push.platforms.find((p) => p.platformKey === 'oujiangkou')).toMatchObject({
      dShare: 0.2,
      movedToD: 2,
      ruleHolds: true,
    });
  });

  it('never pushes enterprises without a platform, and keeps the city share at the base cuts', () => {
    const push = pushDShares(entries, 0.1);
    expect(push.pushed.every((index) => entries[index]!.platformKey === 'oujiangkou')).toBe(true);
    expect(push.cityDShare).toBe(0.1);
  });

  it('leaves a platform already above city + 5 pp as it is, and reports ruleHolds false above city + 10 pp', () => {
    const inBand = [...city, ...group('zhenan', repeat('B', 8) + repeat('D', 2))]; // city 10/90, zhenan 20 %
    expect(pushDShares(inBand, 0.05).platforms.find((p) => p.platformKey === 'zhenan')).toMatchObject({
      movedToD: 0,
      ruleHolds: true,
    });
    const above = [...city, ...group('zhenan', repeat('B', 5) + repeat('D', 5))]; // city 13/90 ≈ 14.4 %, zhenan 50 %
    const zhenan = pushDShares(above, 0.05).platforms.find((p) => p.platformKey === 'zhenan')!;
    expect(zhenan).toMatchObject({ dShare: 0.5, movedToD: 0, ruleHolds: false });
    expect(zhenan.reason).toContain('不将企业调出 D 类');
  });

  it('pushes a platform too small to land inside the band to the target and says why the rule fails', () => {
    const push = pushDShares([...city, ...group('hitech', 'ABC')], 0.05); // needs 1 of 3 = 33 %
    const hitech = push.platforms.find((p) => p.platformKey === 'hitech')!;
    expect(hitech).toMatchObject({ evaluated: 3, dShare: 1 / 3, movedToD: 1, ruleHolds: false });
    expect(hitech.reason).toContain('超过 10 个百分点');
  });

  it('moves enterprises of one set with an equal score together', () => {
    const tied: PushEntry[] = [
      ...city,
      ...group('hitech', repeat('B', 17)),
      { platformKey: 'hitech', set: 'industrial_above', rank: 18, percentile: 0.9, class: 'C' },
      { platformKey: 'hitech', set: 'industrial_above', rank: 18, percentile: 0.9, class: 'C' },
      { platformKey: 'hitech', set: 'industrial_above', rank: 20, percentile: 1, class: 'D' },
    ];
    const push = pushDShares(tied, 0.05); // city 8/100 = 8 %; target 13 % of 20 = 2.6 → 3 D: one more needed, the tie brings two
    expect(push.platforms.find((p) => p.platformKey === 'hitech')).toMatchObject({
      dShare: 0.15,
      movedToD: 2,
      ruleHolds: true,
    });
  });

  it('takes the worst percentile first across sets', () => {
    const mixed: PushEntry[] = [
      ...city,
      ...group('zhenan', repeat('B', 9) + 'C', 'service').map((e) => ({ ...e, percentile: e.percentile * 0.85 })),
      ...group('zhenan', repeat('B', 9) + 'C', 'industrial_below'),
    ];
    const push = pushDShares(mixed, 0.05); // city 8/100; zhenan 0 D of 20 needs 13 % → 3
    expect(push.pushed.map((index) => `${mixed[index]!.set}:${mixed[index]!.percentile}`)).toEqual([
      'industrial_below:1',
      'industrial_below:0.9',
      'service:0.85',
    ]);
  });

  it('reports a platform without evaluated enterprises', () => {
    const hitech = pushDShares(entries, 0.05).platforms.find((p) => p.platformKey === 'hitech');
    expect(hitech).toMatchObject({
      evaluated: 0,
      dShare: 0,
      ruleHolds: false,
      reason: '平台无参评企业，无法计算 D 类占比',
    });
  });

  it('reports a city share too high to exceed by 5 pp', () => {
    const push = pushDShares([...group(null, repeat('D', 30)), ...group('zhenan', 'DDDDDDDDDB')], 0.05);
    expect(push.cityDShare).toBe(0.975);
    const zhenan = push.platforms.find((p) => p.platformKey === 'zhenan')!;
    expect(zhenan).toMatchObject({ dShare: 1, ruleHolds: false });
    expect(zhenan.reason).toContain('全部参评企业已列入 D 类，仍未高出全市 5 个百分点');
  });
});
