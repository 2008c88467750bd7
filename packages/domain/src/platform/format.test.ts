import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPerMu,
  formatPoints,
  formatShare,
  formatWithUnit,
  MISSING,
  UNITS,
} from './format.ts';

describe('formatMoney: 万元 with thousands separators and 2 decimals (D3)', () => {
  it.each([
    [73.8014, '73.80 万元'],
    ['73.8014', '73.80 万元'],
    [0, '0.00 万元'],
    ['0', '0.00 万元'],
    [1234567.8, '1,234,567.80 万元'],
    [-1234.5, '-1,234.50 万元'],
    ['999.995', '1,000.00 万元'],
    ['999.994999', '999.99 万元'],
    // half up on the decimal digits (D1), not through a binary float where 1.005 is 1.00499…
    [1.005, '1.01 万元'],
    ['-0.004', '0.00 万元'],
    ['-0.005', '-0.01 万元'],
    ['123456789012345678.125', '123,456,789,012,345,678.13 万元'],
    [1e21, '1,000,000,000,000,000,000,000.00 万元'],
  ])('%s → %s', (value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });

  it.each([null, undefined, '', '  ', 'abc', Number.NaN, Number.POSITIVE_INFINITY])(
    'a missing figure (%s) reads —',
    (value) => {
      expect(formatMoney(value as never)).toBe(MISSING);
    },
  );

  it('leaves the unit out when a column header carries it', () => {
    expect(formatMoney('1234.5', { withUnit: false })).toBe('1,234.50');
  });

  it('reads a figure that already has separators', () => {
    expect(formatMoney('1,234.5')).toBe('1,234.50 万元');
  });
});

describe('formatNumber', () => {
  it.each([
    [61607.3903, {}, '61,607.39'],
    [12.5, {}, '12.5'],
    [12.5, { fixed: true }, '12.50'],
    [12.0001, { decimals: 2 }, '12'],
    [2.5, { decimals: 0 }, '3'],
    [-2.5, { decimals: 0 }, '-3'],
    [0.000049, { decimals: 4 }, '0'],
    [-0.000049, { decimals: 4 }, '0'],
    [999, {}, '999'],
    [1000, {}, '1,000'],
    [-1000000, {}, '-1,000,000'],
  ])('%s with %o → %s', (value, options, expected) => {
    expect(formatNumber(value, options)).toBe(expected);
  });
});

/** formatNumber as it was written with decimal.js alone, before the fast path on the digits (issue #15). */
function formatThroughDecimal(value: string | number, decimals: number, fixed: boolean): string {
  const rounded = new Decimal(String(value)).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  let text = rounded.abs().toFixed(decimals);
  if (!fixed && text.includes('.')) text = text.replace(/\.?0+$/, '');
  const [whole = '0', fraction] = text.split('.');
  const sign = rounded.isNegative() && !rounded.isZero() ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

describe('formatNumber rounds on the digits exactly as decimal.js does', () => {
  it.each([
    ['9.995', 2, '10.00'],
    ['99.995', 2, '100.00'],
    ['-0.005', 2, '-0.01'],
    ['-0.004', 2, '0.00'],
    ['0.0049999', 2, '0.00'],
    ['007.125', 2, '7.13'],
    ['1.005', 2, '1.01'],
    ['123456789012.345', 2, '123,456,789,012.35'],
    // 16 digits kept: past a double's exact integers, so decimal.js decides.
    ['12345678901234.565', 2, '12,345,678,901,234.57'],
    ['99999999999999.995', 2, '100,000,000,000,000.00'],
    ['5', 0, '5'],
    ['4.5', 0, '5'],
  ])('%s to %i places, fixed → %s', (value, decimals, expected) => {
    expect(formatNumber(value, { decimals, fixed: true })).toBe(expected);
    expect(formatThroughDecimal(value, decimals, true)).toBe(expected);
  });

  it('gives the same text as decimal.js for 20 000 figures of every length, sign and place', () => {
    let seed = 20_261_207;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
    for (let i = 0; i < 20_000; i++) {
      const whole = digits(1 + Math.floor(next() * 17));
      const fraction = next() < 0.2 ? '' : `.${digits(1 + Math.floor(next() * 8))}`;
      const value = `${next() < 0.3 ? '-' : ''}${whole}${fraction}`;
      const decimals = Math.floor(next() * 5);
      const fixed = next() < 0.5;
      expect(formatNumber(value, { decimals, fixed }), `${value} ${decimals} ${fixed}`).toBe(
        formatThroughDecimal(value, decimals, fixed),
      );
      const number = Number(value);
      expect(formatNumber(number, { decimals, fixed }), `${number} ${decimals} ${fixed}`).toBe(
        formatThroughDecimal(number, decimals, fixed),
      );
    }
  });
});

describe('per-亩 figures and units', () => {
  it('writes money per 亩 with its unit and 2 decimals', () => {
    expect(formatPerMu('412.3456')).toBe('412.35 万元/亩');
    expect(formatPerMu(0)).toBe('0.00 万元/亩');
    expect(formatPerMu(null)).toBe(MISSING);
  });

  it('writes electricity per 亩 with its own unit', () => {
    expect(formatPerMu('61607.3903', UNITS.electricityPerMu)).toBe('61,607.39 千瓦时/亩');
  });

  it('puts any unit after the figure, never after a missing one', () => {
    expect(formatWithUnit(1500, UNITS.people, { decimals: 0 })).toBe('1,500 人');
    expect(formatWithUnit(undefined, UNITS.people)).toBe(MISSING);
  });
});

describe('formatShare: fractions travel in the API, people read percentages (D2)', () => {
  it.each([
    [0.3, '30%'],
    ['0.30', '30%'],
    [0.0525, '5.25%'],
    [0.07, '7%'],
    [0, '0%'],
    [1, '100%'],
    [-0.05, '-5%'],
    [0.123456, '12.35%'],
    [12, '1,200%'],
  ])('%s → %s', (value, expected) => {
    expect(formatShare(value)).toBe(expected);
  });

  it('reads — for a missing share and takes fewer decimals when asked', () => {
    expect(formatShare(null)).toBe(MISSING);
    expect(formatShare(0.123456, { decimals: 0 })).toBe('12%');
  });

  it('writes percentage points with their unit', () => {
    expect(formatPoints(0.05)).toBe('5 个百分点');
    expect(formatPoints(0.075)).toBe('7.5 个百分点');
    expect(formatPoints(undefined)).toBe(MISSING);
  });
});

describe('formatCount', () => {
  it('groups whole counts and adds the measure word', () => {
    expect(formatCount(12345, '家')).toBe('12,345 家');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null, '家')).toBe(MISSING);
  });
});
