import { describe, expect, it } from 'vitest';
import { investmentCreditOfGroups, investmentSummary, type CountableProject } from './investment-count.ts';

const project = (over: Partial<CountableProject> & { id: number }): CountableProject => ({
  name: `项目${over.id}`,
  status: 'landed',
  reportedPlatformKey: 'zhenan',
  platformKey: 'zhenan',
  landedOn: '2026-06-01',
  categoryAtReport: 'encouraged',
  circulation: null,
  ...over,
});

describe('R2.6 counting (with R2.5 shares, D11)', () => {
  const projects = [
    project({ id: 1 }),
    project({ id: 2, categoryAtReport: 'restricted' }),
    project({ id: 3, landedOn: '2025-12-31' }),
    project({ id: 4, status: 'signed', landedOn: null }),
    project({ id: 5, platformKey: 'hitech', reportedPlatformKey: 'hitech' }),
    project({
      id: 6,
      platformKey: 'hitech',
      circulation: { fromPlatformKey: 'zhenan', toPlatformKey: 'hitech', firstPlaceShare: 0.3, hostShare: 0.7 },
    }),
    project({ id: 7, landedOn: '2026-12-31', categoryAtReport: 'unlisted' }),
  ];

  it('counts a landed encouraged project of the year as 1 and a circulated one with its share', () => {
    const summary = investmentSummary('zhenan', 2026, projects);
    expect(summary.projects.map((p) => [p.id, p.credit, p.counted])).toEqual([
      [1, 1, true],
      [2, 0, false],
      [6, 0.3, true],
      [7, 0, false],
    ]);
    expect(summary.totalCredit).toBe(1.3);
    expect(summary.projects.find((p) => p.id === 2)!.reason).toContain('限制类');
    expect(summary.projects.find((p) => p.id === 7)!.reason).toContain('不计入年度招商引资任务');
  });

  it('the host side counts the rest, and the two sides add up to 1', () => {
    const host = investmentSummary('hitech', 2026, projects);
    expect(host.projects.map((p) => [p.id, p.credit])).toEqual([
      [5, 1],
      [6, 0.7],
    ]);
    expect(host.totalCredit).toBe(1.7);
  });

  it('a platform with nothing landed that year has an empty list and 0', () => {
    expect(investmentSummary('oujiangkou', 2026, projects)).toEqual({
      platformKey: 'oujiangkou',
      year: 2026,
      projects: [],
      totalCredit: 0,
    });
    expect(investmentSummary('zhenan', 2025, projects).totalCredit).toBe(1);
  });

  it('sums shares exactly: ten projects at 0.1 make 1, not 0.9999999999999999', () => {
    const tenths = Array.from({ length: 10 }, (_, i) =>
      project({
        id: 100 + i,
        circulation: { fromPlatformKey: 'zhenan', toPlatformKey: 'hitech', firstPlaceShare: 0.1, hostShare: 0.9 },
      }),
    );
    expect(investmentSummary('zhenan', 2026, tenths).totalCredit).toBe(1);
  });
});

describe('R2.6 credit from grouped projects (the cockpit: a SQL GROUP BY with count)', () => {
  const circulated = { fromPlatformKey: 'zhenan', toPlatformKey: 'hitech', firstPlaceShare: 0.3, hostShare: 0.7 };
  const groups = [
    { ...project({ id: 0 }), count: 3 },
    { ...project({ id: 0, categoryAtReport: 'restricted' }), count: 2 },
    { ...project({ id: 0, platformKey: 'hitech', circulation: circulated }), count: 3 },
    { ...project({ id: 0, landedOn: '2025-12-31' }), count: 5 },
  ];
  it('equals the summary of the same projects one by one, for each side of a circulation', () => {
    const oneByOne = groups.flatMap((group, g) =>
      Array.from({ length: group.count }, (_, k) => ({ ...group, id: g * 10 + k })),
    );
    for (const key of ['zhenan', 'hitech', 'oujiangkou']) {
      expect(investmentCreditOfGroups(key, 2026, groups)).toBe(investmentSummary(key, 2026, oneByOne).totalCredit);
    }
    // 浙南: 3 encouraged + 3 × 0.3 as first place = 3.9 exactly; 高新区: 3 × 0.7 = 2.1.
    expect(investmentCreditOfGroups('zhenan', 2026, groups)).toBe(3.9);
    expect(investmentCreditOfGroups('hitech', 2026, groups)).toBe(2.1);
  });
});
