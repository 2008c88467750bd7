import { describe, expect, it } from 'vitest';
import { formatPercent, formatQuantity, toFraction, toPercentNumber } from './enterprise-format.ts';

describe('percent ↔ fraction in the method editor (D2: the API takes fractions, the inputs show percentages)', () => {
  it.each([
    [0.2, 20],
    [0.6, 60],
    [0.95, 95],
    [0.05, 5],
    [0.07, 7],
    [0.1, 10],
    [0.001, 0.1],
    [0, 0],
    [1, 100],
  ])('D2: fraction %s shows as %s', (fraction, percent) => {
    expect(toPercentNumber(fraction)).toBe(percent);
    expect(toFraction(percent)).toBe(fraction);
  });

  it('D2: 0.07 × 100 is 7, not the float 7.000000000000001', () => {
    expect(0.07 * 100).not.toBe(7);
    expect(toPercentNumber(0.07)).toBe(7);
  });

  it('D2: round-trips every whole and tenth of a percent without float noise', () => {
    for (let tenths = 0; tenths <= 1000; tenths += 1) {
      const percent = tenths / 10;
      expect(toPercentNumber(toFraction(percent))).toBe(percent);
    }
  });
});

describe('formatPercent and formatQuantity (D1 exact digits, D14 missing figures)', () => {
  it.each([
    [0.05, '5%'],
    ['0.123456', '12.35%'],
    [null, '—'],
    [undefined, '—'],
    ['', '—'],
    ['abc', '—'],
  ] as const)('formatPercent(%j) is %s', (fraction, shown) => {
    expect(formatPercent(fraction)).toBe(shown);
  });

  it.each([
    ['1234567.891', '1,234,567.89'],
    ['-1234.5', '-1,234.5'],
    ['100.00', '100'],
    [1234.5678, '1,234.57'],
    ['12345678901234567890.12', '12,345,678,901,234,567,890.12'],
    [null, '—'],
    ['', '—'],
  ] as const)('D1: formatQuantity(%j) is %s', (value, shown) => {
    expect(formatQuantity(value)).toBe(shown);
  });
});
