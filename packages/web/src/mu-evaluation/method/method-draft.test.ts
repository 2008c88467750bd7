import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_METHOD, DEFAULT_MEASURE_SETTINGS, DEFAULT_RECTIFICATION_SETTINGS } from '@pgs/domain';
import { draftOf, draftProblems, methodOf, rectificationOf, setProblemCount } from './method-draft.ts';

const keys = () => {
  let key = 0;
  return () => (key += 1);
};
const defaultView = {
  method: DEFAULT_EVALUATION_METHOD,
  measures: DEFAULT_MEASURE_SETTINGS,
  rectification: DEFAULT_RECTIFICATION_SETTINGS,
};

describe('the method editor’s working copy (R3.2, D2)', () => {
  it('D2: shows the cuts, the margin and the growth as percentages', () => {
    const draft = draftOf(defaultView, keys());
    expect(draft.cutsPercent).toEqual({ A: 20, B: 60, C: 95 });
    expect(draft.marginPoints).toBe(DEFAULT_EVALUATION_METHOD.dShareMargin * 100);
    expect(draft.supportGrowthPercent).toBe(10);
  });

  it('D2: gives back exactly the method and settings it was made from', () => {
    const draft = draftOf(defaultView, keys());
    expect(methodOf(draft)).toEqual(DEFAULT_EVALUATION_METHOD);
    expect(rectificationOf(draft)).toEqual(DEFAULT_RECTIFICATION_SETTINGS);
    expect(draftProblems(draft)).toEqual([]);
  });

  it('R3.2: a 7-point margin is saved as the fraction 0.07', () => {
    const draft = { ...draftOf(defaultView, keys()), marginPoints: 7 };
    expect(methodOf(draft).dShareMargin).toBe(0.07);
  });

  it('stops the save on a cleared number, saying which', () => {
    const draft = draftOf(defaultView, keys());
    const cleared = { ...draft, cutsPercent: { ...draft.cutsPercent, B: null }, supportGrowthPercent: null };
    const problems = draftProblems(cleared);
    expect(problems).toContain('请填写 A、B、C 三条分档线');
    expect(problems).toContain('请填写帮扶支持的营业收入增长幅度');
  });

  it('R3.2: refuses a margin outside 5–10 points and counts a set’s own problems for its tab', () => {
    const draft = draftOf(defaultView, keys());
    expect(draftProblems({ ...draft, marginPoints: 12 }).length).toBeGreaterThan(0);
    const set = Object.keys(draft.sets)[0] as keyof typeof draft.sets;
    const [first, ...rest] = draft.sets[set];
    const withoutWeight = { ...draft, sets: { ...draft.sets, [set]: [{ ...first!, weight: null }, ...rest] } };
    const problems = draftProblems(withoutWeight);
    expect(setProblemCount(problems, set)).toBeGreaterThanOrEqual(1);
  });
});
