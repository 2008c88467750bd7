import { describe, expect, it } from 'vitest';
import type { PlatformKey } from '../platform/platforms.ts';
import { lastTwoYearsWarnings } from './warnings.ts';

const ranks = (entries: Array<[PlatformKey, number]>) => new Map<PlatformKey, number>(entries);

describe('R4.3 / D25 last in two consecutive published assessments', () => {
  it('last this year and last in the previous published year → warned', () => {
    const { warnings } = lastTwoYearsWarnings({
      year: 2025,
      current: ranks([
        ['oujiangkou', 1],
        ['zhenan', 2],
        ['hitech', 3],
      ]),
      previous: ranks([
        ['oujiangkou', 2],
        ['zhenan', 1],
        ['hitech', 3],
      ]),
    });
    expect([...warnings.keys()]).toEqual(['hitech']);
    expect(warnings.get('hitech')!.reason).toContain('2024');
  });
  it('ties at the bottom are all last, in either year', () => {
    const { warnings } = lastTwoYearsWarnings({
      year: 2025,
      current: ranks([
        ['oujiangkou', 1],
        ['zhenan', 2],
        ['hitech', 2],
      ]),
      previous: ranks([
        ['oujiangkou', 1],
        ['zhenan', 2],
        ['hitech', 2],
      ]),
    });
    expect([...warnings.keys()].sort()).toEqual(['hitech', 'zhenan']);
  });
  it('last only one of the two years → not warned', () => {
    const { warnings } = lastTwoYearsWarnings({
      year: 2025,
      current: ranks([
        ['oujiangkou', 1],
        ['zhenan', 2],
        ['hitech', 3],
      ]),
      previous: ranks([
        ['oujiangkou', 1],
        ['zhenan', 3],
        ['hitech', 2],
      ]),
    });
    expect(warnings.size).toBe(0);
  });
  it('a missing year breaks the run and says so', () => {
    const result = lastTwoYearsWarnings({
      year: 2025,
      current: ranks([
        ['oujiangkou', 1],
        ['zhenan', 2],
        ['hitech', 3],
      ]),
      previous: null,
    });
    expect(result.warnings.size).toBe(0);
    expect(result.note).toContain('2024 年度没有已发布的考核结果');
  });
});
