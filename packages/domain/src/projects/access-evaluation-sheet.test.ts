import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVALUATION_SHEET,
  EVALUATION_DIMENSIONS,
  scoreSheet,
  sheetProblems,
} from './access-evaluation-sheet.ts';

const full = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));

describe('R2.2 evaluation sheet (default 100 points over the five dimensions)', () => {
  it('covers all five dimensions and adds up to 100', () => {
    expect(new Set(DEFAULT_EVALUATION_SHEET.items.map((i) => i.dimension))).toEqual(new Set(EVALUATION_DIMENSIONS));
    expect(scoreSheet(DEFAULT_EVALUATION_SHEET, full)).toMatchObject({
      total: 100,
      maxTotal: 100,
      reachesPassMark: true,
    });
  });

  it('sums tenths exactly and reaches the pass mark at exactly 60', () => {
    const scores = {
      ...Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((i) => [i.code, 0])),
      industry_class: 10,
      investment_intensity: 10,
      output_intensity: 10,
      tax_scale: 10,
      tax_intensity: 9.9,
      energy: 0.1,
    };
    expect(scoreSheet(DEFAULT_EVALUATION_SHEET, scores)).toMatchObject({ total: 50, reachesPassMark: false });
    expect(scoreSheet(DEFAULT_EVALUATION_SHEET, { ...scores, investor_strength: 10 })).toMatchObject({
      total: 60,
      reachesPassMark: true,
    });
    expect(scoreSheet(DEFAULT_EVALUATION_SHEET, { ...scores, investor_strength: 9.9 }).reachesPassMark).toBe(false);
    expect(scoreSheet(DEFAULT_EVALUATION_SHEET, scores).byDimension).toMatchObject({
      input_output: 30,
      tax: 19.9,
      energy_emission: 0.1,
    });
  });

  it('names every unscored, out-of-range or unknown item', () => {
    const { industry_class: _skipped, ...missingOne } = full;
    expect(sheetProblems(DEFAULT_EVALUATION_SHEET, missingOne)).toEqual(['“产业类别”未评分']);
    expect(sheetProblems(DEFAULT_EVALUATION_SHEET, { ...full, energy: 9 })).toEqual([
      '“能耗水平”的得分应在 0–8 之间，实为 9',
    ]);
    expect(sheetProblems(DEFAULT_EVALUATION_SHEET, { ...full, energy: -1 })).toHaveLength(1);
    expect(sheetProblems(DEFAULT_EVALUATION_SHEET, { ...full, bonus: 5 })).toEqual(['评分表中没有“bonus”这一项']);
    expect(sheetProblems(DEFAULT_EVALUATION_SHEET, full)).toEqual([]);
  });
});
