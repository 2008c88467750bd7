import { describe, expect, it } from 'vitest';
import { targetTier } from './tiers.ts';

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
