import { describe, expect, it } from 'vitest';
import { bonusPoints, isManufacturing, type BonusCandidate } from './bonus.ts';

const KEYS = ['oujiangkou', 'zhenan', 'hitech'] as const;
let nextId = 1;
function project(overrides: Partial<BonusCandidate> = {}): BonusCandidate {
  return {
    id: nextId++,
    name: '测试项目',
    status: 'landed',
    industryCode: '3411',
    totalInvestment: '200000',
    landedOn: '2025-06-01',
    platformKey: 'zhenan',
    circulation: null,
    encouragedIn: { zhenan: true, oujiangkou: true, hitech: true },
    ...overrides,
  };
}
const run = (projects: BonusCandidate[], asOf = '2025-12-31') =>
  bonusPoints({ year: 2025, asOf, pointsPerProject: 1, platformKeys: KEYS, projects });

describe('R4.3 / D25 bonus for landed ≥ 20亿 manufacturing projects', () => {
  it.each([
    ['199999.99', 0],
    ['200000', 1],
    ['200000.00', 1],
    ['200000.01', 1],
    ['500000', 1],
  ])('R4.3 total investment %s 万元 → %d point (20亿元（含）以上)', (totalInvestment, points) => {
    expect(run([project({ totalInvestment })]).byPlatform.zhenan!.points).toBe(points);
  });

  it.each([
    ['1311', true],
    ['13', true],
    ['4390', true],
    ['43', true],
    ['1299', false],
    ['4411', false],
    ['0511', false],
    ['7310', false],
  ])('D25 门类 C = 大类 13–43: %s manufacturing → %s', (code, expected) => {
    expect(isManufacturing(code)).toBe(expected);
    expect(run([project({ industryCode: code })]).byPlatform.zhenan!.points).toBe(expected ? 1 : 0);
  });

  it('R4.3 encouraged in the credited platform catalog only', () => {
    const result = run([project({ encouragedIn: { zhenan: false } })]);
    expect(result.byPlatform.zhenan!.points).toBe(0);
    expect(result.excluded[0]!.reason).toContain('不属鼓励类');
  });

  it.each([
    ['2024-12-31', 0],
    ['2025-01-01', 1],
    ['2025-12-31', 1],
    ['2026-01-01', 0],
  ])('D25 landed on %s counts for 2025: %d', (landedOn, points) => {
    expect(run([project({ landedOn })]).byPlatform.zhenan!.points).toBe(points);
  });

  it('D25 a project not yet landed does not count; one landed after asOf does not either', () => {
    expect(run([project({ status: 'signed', landedOn: null })]).byPlatform.zhenan!.points).toBe(0);
    expect(run([project({ landedOn: '2025-07-01' })], '2025-06-30').byPlatform.zhenan!.points).toBe(0);
    expect(run([project({ landedOn: '2025-06-30' })], '2025-06-30').byPlatform.zhenan!.points).toBe(1);
  });

  it('R2.5 a circulated project adds its shares to both platforms', () => {
    const result = run([
      project({
        platformKey: 'hitech',
        circulation: { fromPlatformKey: 'zhenan', toPlatformKey: 'hitech', firstPlaceShare: 0.3, hostShare: 0.7 },
      }),
    ]);
    expect(result.byPlatform.zhenan!.points).toBe(0.3);
    expect(result.byPlatform.hitech!.points).toBe(0.7);
    expect(result.byPlatform.hitech!.projects[0]!.share).toBe(0.7);
    expect(result.byPlatform.oujiangkou!.points).toBe(0);
  });

  it('R4.3 no cap: 37 qualifying projects add 37 points; shares add exactly (0.1 + 0.2 = 0.3)', () => {
    const many = Array.from({ length: 37 }, () => project());
    expect(run(many).byPlatform.zhenan!.points).toBe(37);
    const shared = [0.1, 0.2].map((share) =>
      project({
        platformKey: 'hitech',
        circulation: {
          fromPlatformKey: 'zhenan',
          toPlatformKey: 'hitech',
          firstPlaceShare: share,
          hostShare: 1 - share,
        },
      }),
    );
    expect(run(shared).byPlatform.zhenan!.points).toBe(0.3);
  });

  it('R4.3 points per project come from the rubric', () => {
    const result = bonusPoints({
      year: 2025,
      asOf: '2025-12-31',
      pointsPerProject: 2.5,
      platformKeys: KEYS,
      projects: [project(), project()],
    });
    expect(result.byPlatform.zhenan!.points).toBe(5);
  });
});
