import { describe, expect, it } from 'vitest';
import { statusMoveProblem } from './target-status.ts';
import { industryReasonProblem } from './target-types.ts';

describe('target status 线索 → 接触 → 洽谈 → 已报项目 / 放弃', () => {
  it.each([
    ['lead', 'contact', null, true],
    ['lead', 'reported', null, true],
    ['negotiating', 'contact', null, false],
    ['contact', 'dropped', null, false],
    ['contact', 'dropped', '  ', false],
    ['contact', 'dropped', '对方转投他地', true],
    ['reported', 'negotiating', null, false],
    ['dropped', 'lead', null, false],
    ['dropped', 'dropped', null, true],
  ] as const)('%s → %s (reason %s): allowed %s', (from, to, reason, allowed) => {
    expect(statusMoveProblem(from, to, reason) === null).toBe(allowed);
  });
});

describe('only encouraged industries without a written reason (issue #13)', () => {
  it('needs a reason outside encouraged', () => {
    expect(industryReasonProblem('encouraged', null)).toBeNull();
    expect(industryReasonProblem('unlisted', null)).toContain('须填写理由');
    expect(industryReasonProblem('restricted', ' ')).toContain('须填写理由');
    expect(industryReasonProblem('restricted', '总部经济，不落生产')).toBeNull();
  });
});
