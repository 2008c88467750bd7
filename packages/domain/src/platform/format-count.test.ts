import { describe, expect, it } from 'vitest';
import { formatCount, MISSING } from './format-count.ts';
import { formatNumber } from './format.ts';

/*
 * formatCount works without decimal.js (issue #15: the 工作台's first page), so it is checked against the
 * decimal.js-based formatNumber(value, { decimals: 0 }) it replaces for counts (D1: half up, away from zero).
 */
describe('formatCount: whole numbers without decimal.js, as formatNumber would round them (D1)', () => {
  it.each([
    [12345, '家', '12,345 家'],
    [0, '', '0'],
    [-0, '', '0'],
    [7, '个项目', '7 个项目'],
    [-1234567, '', '-1,234,567'],
    [null, '家', MISSING],
    [undefined, '', MISSING],
  ])('%s %s → %s', (value, unit, expected) => {
    expect(formatCount(value, unit)).toBe(expected);
  });

  // The boundaries of rounding a count: half up away from zero, carries, exponents, signs, separators.
  const edges = [
    0.5,
    1.5,
    2.5,
    -0.5,
    -2.5,
    0.49,
    -0.49,
    0.4999999,
    9.5,
    99.5,
    999.5,
    999999.5,
    1.005,
    1e21,
    1.2345e25,
    5e-7,
    -5e-7,
    123.456,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    1e-300,
    '0.5',
    '-0.5',
    '-0.4',
    '1.',
    '.5',
    '.',
    '+7',
    '+',
    '-',
    '1,234,567.5',
    ' 42 ',
    '',
    '  ',
    'abc',
    '1e3',
    '1.5e1',
    '25e-1',
    '-25E-1',
    '5e-1',
    '5e-2',
    '9.99e2',
    '99999999999999999999.5',
    '123456789012345678901234567890.49',
    '0.000',
    '00012',
    '1e',
    'e5',
    '1.2.3',
    '0x1f',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  it.each(edges.map((value) => [value]))('%s rounds as formatNumber does', (value) => {
    expect(formatCount(value)).toBe(hexFree(value));
  });

  it('rounds 2 000 random figures, numbers and decimal strings, as formatNumber does', () => {
    let seed = 15;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 1000; i += 1) {
      const number = (random() - 0.5) * 10 ** Math.floor(random() * 12);
      const text = `${random() < 0.5 ? '-' : ''}${Math.floor(random() * 1e6)}.${String(Math.floor(random() * 1e4)).padStart(4, '0')}`;
      expect(formatCount(number)).toBe(formatNumber(number, { decimals: 0 }));
      expect(formatCount(text)).toBe(formatNumber(text, { decimals: 0 }));
    }
  });

  it('an exponent beyond 10^1000 is no count and reads —, instead of a string of a thousand zeros', () => {
    expect(formatCount('1e1001')).toBe(MISSING);
    expect(formatCount('1e1000')).toBe(formatNumber('1e1000', { decimals: 0 }));
  });
});

/** decimal.js also reads 0x…/0b…/0o… literals; no count arrives so, and formatCount reads them as missing. */
function hexFree(value: string | number): string {
  return typeof value === 'string' && /^0[xbo]/i.test(value) ? MISSING : formatNumber(value, { decimals: 0 });
}
