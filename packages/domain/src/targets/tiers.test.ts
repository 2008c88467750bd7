import { describe, expect, it } from 'vitest';
import { compareTiers, targetTier, tierRank } from './tiers.ts';

describe('D24 / R2.7 target tiers in 万元, 以上 including the figure', () => {
  it.each([
    ['0.01', null],
    ['49999.9999', null],
    ['50000', '5亿'],
    ['50000.0000', '5亿'],
    ['199999.9999', '5亿'],
    ['200000', '20亿'],
    ['499999.9999', '20亿'],
    ['500000', '50亿'],
    ['500000.0001', '50亿'],
    ['12000000', '50亿'],
  ])('%s 万元 → %s', (amount, tier) => {
    expect(targetTier(amount)).toBe(tier);
  });
});

describe("the tier order (≥50亿, ≥20亿, ≥5亿, then none), not the labels' text order", () => {
  it('ranks and sorts', () => {
    expect(['5亿', null, '50亿', '20亿', '5亿'].sort(compareTiers)).toEqual(['50亿', '20亿', '5亿', '5亿', null]);
    expect(tierRank('50亿')).toBe(0);
    expect(tierRank(undefined)).toBe(3);
    expect(tierRank('none')).toBe(4);
    // the text order would put 20亿 first and 5亿 after 50亿
    expect(['20亿', '50亿', '5亿'].sort()).toEqual(['20亿', '50亿', '5亿']);
  });
  it('sorts by the computed tier at its boundaries', () => {
    const amounts = ['49999.9999', '500000', '199999.9999', '50000', '200000'];
    expect(amounts.map(targetTier).sort(compareTiers)).toEqual(['50亿', '20亿', '5亿', '5亿', null]);
  });
});
