import { describe, expect, it } from 'vitest';
import { renewalCandidates, type CandidateEnterprise } from './renewal-candidates.ts';

const enterprise = (over: Partial<CandidateEnterprise>): CandidateEnterprise => ({
  creditCode: 'X',
  name: '某企业',
  platformKey: 'zhenan',
  industryCode: '3823',
  backward: false,
  backwardBasis: null,
  zombie: false,
  zombieBasis: null,
  ...over,
});

describe('R3.5 who still lacks a case', () => {
  it('every backward enterprise belongs in the year’s elimination plan until it has a case of that year', () => {
    const e = enterprise({ backward: true, backwardBasis: '落后工艺' });
    expect(renewalCandidates([e], [], 2025)).toMatchObject([{ track: 'elimination', basis: '落后工艺' }]);
    expect(
      renewalCandidates([e], [{ creditCode: 'X', track: 'elimination', planYear: 2025, open: true }], 2025),
    ).toEqual([]);
    // last year's plan does not cover this year
    expect(
      renewalCandidates([e], [{ creditCode: 'X', track: 'elimination', planYear: 2024, open: false }], 2025),
    ).toHaveLength(1);
  });
  it('a zombie enterprise is covered by any exit case, even a completed one', () => {
    const e = enterprise({ zombie: true });
    expect(renewalCandidates([e], [], 2025)).toMatchObject([{ track: 'zombie_exit', basis: '2025年度停产僵尸企业库' }]);
    expect(
      renewalCandidates([e], [{ creditCode: 'X', track: 'zombie_exit', planYear: null, open: false }], 2025),
    ).toEqual([]);
  });
  it.each([
    ['3120', true],
    ['3011', true],
    ['3216', true],
    ['3041', true],
    ['3731', true],
    ['3737', false],
    ['3042', false],
    ['3219', false],
  ])('industry %s is an overcapacity clean-up candidate: %s', (industryCode, listed) => {
    const rows = renewalCandidates([enterprise({ industryCode })], [], 2025);
    expect(rows.some((row) => row.track === 'overcapacity_cleanup')).toBe(listed);
  });
});
